// What a release changes, computed from what is on disk and returned as
// `file → new content`: the version bump (spec roots, workspace packages, the
// lockfile) and the record (snapshot, index, changelog entry). Pure, so the
// release can be checked before anything is written.
import { CHANGELOG_FILE, firstEntry, hasEntry, insertEntry, renderEntry } from '../report/changelog.js';
import { place } from '../report/format-report.js';
import { gate, major } from '../report/gate.js';
import type { DocumentDiff, Json } from '../types.js';
import { INDEX_FILE, indexWith, newRecord, type ReleaseRecord, snapshotContents } from './releases.js';
import { bumpLockfile, bumpPackageJson, compareVersions, isVersion, setInfoVersion } from './versions.js';

/** Reasons not to release `version` now; empty when it may go. */
export function releaseProblems(version: string, releases: ReleaseRecord[], diffs: DocumentDiff[]): string[] {
  if (!isVersion(version)) return [`"${version}" is not a version (MAJOR.MINOR.PATCH)`];
  const last = releases[0];
  if (last && compareVersions(version, last.version) <= 0)
    return [`${version} is not after the last release, ${last.version}`];
  // The release sets every document to `version`: breaking changes need its major to move.
  const problems: string[] = [];
  const bumped = diffs.map((d) => ({ ...d, revisionVersion: version }));
  const { violations } = gate(last ? bumped : []);
  if (violations.length > 0) {
    problems.push(
      `${violations.length} breaking change(s) since ${last!.version}, which only a major version (${major(last!.version) + 1}.0.0) may bring:`,
    );
    problems.push(...violations.map((c) => `  ${place(c.place)} ${c.kind}: ${c.message}`));
  }
  return problems;
}

export interface BumpInput {
  version: string;
  /** Spec root files (`openapi/openapi.yaml`…) → text. */
  specRoots: Map<string, string>;
  /** Workspace folder (`packages/client`) → package.json text. */
  packages: Map<string, string>;
  lockfile?: string;
}

/** The spec's `info.version` and the packages' versions, together. */
export function planBump({ version, specRoots, packages, lockfile }: BumpInput): Map<string, string> {
  const files = new Map<string, string>();
  // Only what changes is written (and committed).
  const set = (file: string, before: string, after: string) => before !== after && files.set(file, after);
  for (const [file, text] of specRoots) set(file, text, setInfoVersion(text, version));
  const internal = [...packages.values()]
    .map((text) => (JSON.parse(text) as { name?: string }).name)
    .filter((n): n is string => !!n);
  for (const [dir, text] of packages) set(`${dir}/package.json`, text, bumpPackageJson(text, version, internal));
  if (lockfile) set('package-lock.json', lockfile, bumpLockfile(lockfile, version, [...packages.keys()], internal));
  return files;
}

export interface RecordInput {
  version: string;
  date: string;
  releases: ReleaseRecord[];
  diffs: DocumentDiff[];
  changelog?: string;
  /** The bundled documents of the release, by alias. */
  bundled: Map<string, Json>;
}

/** The snapshot, the index and the changelog entry of a release. */
export function planRecord({ version, date, releases, diffs, changelog, bundled }: RecordInput): Map<string, string> {
  const record = newRecord(version, date);
  const files = snapshotContents(record, bundled);
  files.set(INDEX_FILE, indexWith(releases, record));
  // An entry already written by hand for this version (the first release's history) is kept.
  if (!changelog || !hasEntry(changelog, version)) {
    const entry = releases.length > 0 ? renderEntry(version, date, diffs) : firstEntry(version, date);
    files.set(CHANGELOG_FILE, insertEntry(changelog, entry));
  }
  return files;
}
