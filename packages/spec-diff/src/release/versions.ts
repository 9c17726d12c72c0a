// Version bumps for a release, as text edits that leave the rest of each file
// as it was (comments of the spec, the layout of package.json files that
// others edit too). Pure: text in, text out.
import { isMap, isScalar, parseDocument } from 'yaml';

export function isVersion(text: string): boolean {
  return /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(text);
}

/** -1, 0 or 1, by semver precedence (a pre-release sorts before its release). */
export function compareVersions(a: string, b: string): number {
  const [coreA, preA] = a.split('-', 2) as [string, string | undefined];
  const [coreB, preB] = b.split('-', 2) as [string, string | undefined];
  const partsA = coreA.split('.').map(Number);
  const partsB = coreB.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (partsA[i] !== partsB[i]) return Math.sign(partsA[i]! - partsB[i]!);
  if (preA === preB) return 0;
  if (preA === undefined) return 1;
  if (preB === undefined) return -1;
  return preA < preB ? -1 : 1;
}

/** The YAML with `info.version` set, nothing else touched. */
export function setInfoVersion(yamlText: string, version: string): string {
  const doc = parseDocument(yamlText);
  const info = doc.get('info', true);
  const node = isMap(info) ? info.get('version', true) : undefined;
  if (!isScalar(node) || !node.range) throw new Error('no info.version scalar to bump');
  const [start, end] = node.range;
  return `${yamlText.slice(0, start)}${version}${yamlText.slice(end)}`;
}

export function infoVersion(yamlText: string): string | undefined {
  const version = parseDocument(yamlText).getIn(['info', 'version']);
  return version === undefined ? undefined : String(version);
}

/**
 * A package.json with its own version and its dependencies on the workspace's
 * packages (`internal`) set to `version`.
 */
export function bumpPackageJson(text: string, version: string, internal: string[]): string {
  let out = text.replace(/^(\s{2}"version":\s*")[^"]*(")/m, `$1${version}$2`);
  for (const name of internal) {
    const escaped = name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    out = out.replace(new RegExp(`("${escaped}":\\s*")[^"]*(")`, 'g'), `$1${version}$2`);
  }
  return out;
}

/** package-lock.json with the workspaces' versions and internal dependencies bumped. */
export function bumpLockfile(text: string, version: string, workspaces: string[], internal: string[]): string {
  const lock = JSON.parse(text);
  for (const dir of workspaces) {
    const entry = lock.packages?.[dir];
    if (!entry) continue;
    if (entry.version !== undefined) entry.version = version;
    for (const field of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']) {
      for (const name of internal) if (entry[field]?.[name] !== undefined) entry[field][name] = version;
    }
  }
  return `${JSON.stringify(lock, null, 2)}\n`;
}
