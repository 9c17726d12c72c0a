#!/usr/bin/env node
// npm run release -- <version> [--date YYYY-MM-DD] [--no-git] [--cwd <repo>]
// Bumps the spec's info.version and the packages' versions together,
// regenerates (the client carries the spec version), then records the release:
// the bundled snapshot, openapi/releases.json, the CHANGELOG entry, a commit of
// exactly those files and a tag. Refuses a breaking change without a major bump.
// Exit codes: 0 released, 1 refused, 2 failed.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { bundleSpec, documents } from '@scalingo-openapi/spec-reader';
import { compare } from '../compare/compare.js';
import { releaseSide, worktreeSide } from '../load/spec-sources.js';
import { planBump, planRecord, releaseProblems } from '../release/release-plan.js';
import { readReleases } from '../release/releases.js';
import { CHANGELOG_FILE } from '../report/changelog.js';
import type { DocumentDiff, Json } from '../types.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    date: { type: 'string', default: new Date().toISOString().slice(0, 10) },
    'no-git': { type: 'boolean', default: false },
    cwd: { type: 'string', default: process.cwd() },
  },
});
const cwd = path.resolve(values.cwd);
const useGit = !values['no-git'];
const version = positionals[0] ?? '';

const read = (file: string) => fs.readFile(path.join(cwd, file), 'utf8');
const readOptional = (file: string) => read(file).catch(() => undefined);

async function write(files: Map<string, string>): Promise<void> {
  for (const [file, text] of files) {
    await fs.mkdir(path.dirname(path.join(cwd, file)), { recursive: true });
    await fs.writeFile(path.join(cwd, file), text);
  }
}

/** Workspace folders with a package.json (`generator`, `packages/client`…), from the root's globs. */
async function workspaces(): Promise<string[]> {
  const patterns: string[] = JSON.parse(await read('package.json')).workspaces ?? [];
  const dirs: string[] = [];
  for (const pattern of patterns) {
    const candidates = pattern.endsWith('/*')
      ? (await fs.readdir(path.join(cwd, pattern.slice(0, -2)))).map((name) => `${pattern.slice(0, -2)}/${name}`)
      : [pattern];
    for (const dir of candidates.sort()) if (await readOptional(`${dir}/package.json`)) dirs.push(dir);
  }
  return dirs;
}

function run(command: string, args: string[]): void {
  execFileSync(command, args, {
    cwd,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, REDOCLY_TELEMETRY: 'off' },
  });
}

/** The generator built from its sources here, then run: what CI's `generate --check` expects. */
function regenerate(): void {
  const tsc = path.join(path.dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin/tsc');
  run(process.execPath, [tsc, '-p', 'generator']);
  run(process.execPath, ['generator/dist/cli.js', '--cwd', cwd]);
}

function changedFiles(): string[] {
  return execFileSync('git', ['status', '--porcelain', '--untracked-files=all'], { cwd, encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .map((line) => line.slice(3));
}

async function main(): Promise<number> {
  // A release commits what it writes, generated files included: from a tree with
  // nothing else pending, so that the commit holds the release and only it.
  if (useGit) {
    const pending = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
      cwd,
      encoding: 'utf8',
    }).trim();
    if (pending) {
      console.error(
        `release ${version}: refused, the working tree has uncommitted changes (commit them first, or use --no-git):\n${pending}`,
      );
      return 1;
    }
  }
  const untrackedBefore = new Set(useGit ? changedFiles() : []);
  const releases = await readReleases(cwd);
  const last = releases[0];
  let diffs: DocumentDiff[] = [];
  if (last) {
    const base = releaseSide(last, cwd);
    const revision = await worktreeSide(cwd, 'working tree');
    diffs = await compare(base, revision);
  }
  const problems = releaseProblems(version, releases, diffs);
  if (problems.length > 0) {
    console.error(`release ${version}: refused\n${problems.join('\n')}`);
    return 1;
  }

  const roots = Object.values(documents).map((d) => d.root);
  const specRoots = new Map<string, string>();
  for (const root of roots) {
    const text = await readOptional(root);
    if (text !== undefined) specRoots.set(root, text);
  }
  const packages = new Map<string, string>();
  for (const dir of await workspaces()) packages.set(dir, await read(`${dir}/package.json`));
  const bump = planBump({ version, specRoots, packages, lockfile: await readOptional('package-lock.json') });
  await write(bump);
  console.log(
    bump.size > 0
      ? `release ${version}: bumped ${[...bump.keys()].join(', ')}`
      : `release ${version}: versions already ${version}`,
  );

  regenerate();

  const bundled = new Map<string, Json>();
  for (const [alias, { root }] of Object.entries(documents)) {
    if (specRoots.has(root)) bundled.set(alias, await bundleSpec(alias, { cwd }));
  }
  const record = planRecord({
    version,
    date: values.date,
    releases,
    diffs,
    changelog: await readOptional(CHANGELOG_FILE),
    bundled,
  });
  await write(record);
  console.log(`release ${version}: recorded ${[...record.keys()].join(', ')}`);

  if (useGit) {
    // Tracked files were clean when the release started: every change since is the
    // release's (bumped versions, regenerated files, the record); untracked files
    // that were already there stay out.
    const files = changedFiles().filter((file) => !untrackedBefore.has(file));
    run('git', ['add', '--', ...files]);
    run('git', ['commit', '--quiet', '-m', `Release ${version}`, '--', ...files]);
    run('git', ['tag', '-a', `v${version}`, '-m', `Release ${version}`]);
    console.log(`release ${version}: committed and tagged v${version}`);
  } else {
    console.log(`release ${version}: not committed (--no-git); commit the files above and tag v${version}`);
  }
  return 0;
}

let code: number;
try {
  code = await main();
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  code = 2;
}
process.exit(code);
