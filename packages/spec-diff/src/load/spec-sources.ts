// Turns what the user names as a base or a revision into a Side: bundled
// documents and a way back to their source. Both sides go through bundleSpec,
// so the decorators (HEAD for GET) and `$ref`s resolve the same way.
//   (nothing)            base: the last recorded release; revision: the working tree
//   1.0.0 / v1.0.0       a recorded release (its committed snapshot)
//   path/to/file.yaml    a bundled document (JSON or YAML), for one document
//   HEAD~1, a tag, a sha the spec files of that commit, extracted and bundled
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { bundleSpec, documents, SourceLocator } from '@scalingo-openapi/spec-reader';
import { parse } from 'yaml';
import { findRelease, type ReleaseRecord, readReleases, snapshotFiles } from '../release/releases.js';
import type { Json, Side, SideDocument } from '../types.js';

/** What a git ref needs to be bundled: the spec, the config, its plugin. */
const SPEC_PATHS = ['openapi', 'redocly.yaml', 'scripts/redocly'];

export class SideError extends Error {}

export interface SideOptions {
  /** Repository root. */
  cwd: string;
  /** For a file: which document it is (`scalingo` by default). */
  document?: string;
}

export async function baseSide(name: string | undefined, options: SideOptions): Promise<Side> {
  if (name === undefined) {
    const [last] = await readReleases(options.cwd);
    if (!last)
      throw new SideError(
        `no release recorded in openapi/releases.json: name a base, or record one with \`npm run release -- 1.0.0\``,
      );
    return releaseSide(last, options.cwd);
  }
  return namedSide(name, options);
}

export async function revisionSide(name: string | undefined, options: SideOptions): Promise<Side> {
  return name === undefined ? worktreeSide(options.cwd, 'working tree') : namedSide(name, options);
}

async function namedSide(name: string, options: SideOptions): Promise<Side> {
  const release = findRelease(await readReleases(options.cwd), name);
  if (release) return releaseSide(release, options.cwd);
  const file = path.resolve(options.cwd, name);
  if (fs.existsSync(file) && fs.statSync(file).isFile()) return fileSide(file, options);
  if (fs.existsSync(file) && fs.existsSync(path.join(file, 'redocly.yaml')))
    return worktreeSide(file, name, options.cwd);
  const sha = resolveCommit(options.cwd, name);
  if (!sha) throw new SideError(`"${name}" is neither a recorded release, a file, nor a git ref`);
  return gitSide(options.cwd, name, sha);
}

/** The spec as it is on disk under `dir`, places relative to `cwd`. */
export async function worktreeSide(dir: string, label: string, cwd = dir, prefix = ''): Promise<Side> {
  const side: Side = { label, documents: new Map() };
  for (const [alias, { root }] of Object.entries(documents)) {
    // A document the tree does not have yet is compared as empty: all added.
    if (!fs.existsSync(path.join(dir, root))) continue;
    let document: Json;
    try {
      document = await bundleSpec(alias, { cwd: dir });
    } catch (error) {
      throw new SideError(`${label}: ${alias}: ${(error as Error).message}`);
    }
    // Places name the key a person edits (`git_url:`), not its value.
    const map = new SourceLocator(path.join(dir, root), { cwd, prefix, at: 'key' });
    side.documents.set(alias, { alias, document, locate: (pointer) => map.locate(pointer) });
  }
  return side;
}

export function releaseSide(release: ReleaseRecord, cwd: string): Side {
  const side: Side = { label: `release ${release.version}`, documents: new Map() };
  for (const [alias, file] of snapshotFiles(release)) {
    const absolute = path.join(cwd, file);
    if (fs.existsSync(absolute)) side.documents.set(alias, bundledFile(alias, absolute, cwd));
  }
  return side;
}

function fileSide(file: string, options: SideOptions): Side {
  const alias = options.document ?? 'scalingo';
  return {
    label: path.relative(options.cwd, file),
    documents: new Map([[alias, bundledFile(alias, file, options.cwd)]]),
  };
}

function bundledFile(alias: string, file: string, cwd: string): SideDocument {
  const document = parse(fs.readFileSync(file, 'utf8')) as Json;
  // Parsed again with positions only when a place is asked for (removals).
  let map: SourceLocator | undefined;
  return {
    alias,
    document,
    locate: (pointer) => (map ??= new SourceLocator(file, { cwd, at: 'key' })).locate(pointer),
  };
}

function resolveCommit(cwd: string, ref: string): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return undefined;
  }
}

/**
 * The spec files of a commit, extracted with `git archive` (read-only for the
 * repository). They go under node_modules/.cache so that a plugin of that
 * commit importing a package still resolves it.
 */
async function gitSide(cwd: string, ref: string, sha: string): Promise<Side> {
  const cache = fs.existsSync(path.join(cwd, 'node_modules'))
    ? path.join(cwd, 'node_modules/.cache/spec-evolution')
    : os.tmpdir();
  await fsp.mkdir(cache, { recursive: true });
  const dir = await fsp.mkdtemp(path.join(cache, `${sha.slice(0, 12)}-`));
  const present = execFileSync('git', ['ls-tree', '--name-only', sha, '--', ...SPEC_PATHS], { cwd, encoding: 'utf8' })
    .split('\n')
    .filter(Boolean);
  if (present.length > 0) {
    const tar = path.join(dir, '.spec.tar');
    execFileSync('git', ['archive', '--format=tar', '-o', tar, sha, '--', ...present], { cwd });
    execFileSync('tar', ['-xf', tar, '-C', dir]);
    await fsp.rm(tar);
  }
  const dispose = () => fsp.rm(dir, { recursive: true, force: true });
  try {
    const side = await worktreeSide(dir, ref, dir, `${ref}:`);
    return { ...side, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}
