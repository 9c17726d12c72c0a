// `npm run release`, on a temporary copy of the repository (its own git
// repository; /work/main is never touched): versions bumped together, the
// client regenerated with the new spec version, the release recorded (snapshot,
// index, changelog entry, commit, tag); a breaking change without a major
// version is refused.
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../../..');
// The releases this test makes come after the last one recorded in the tree.
const recorded: string[] = JSON.parse(await fs.readFile(path.join(root, 'openapi/releases.json'), 'utf8')).releases.map(
  (r: { version: string }) => r.version,
);
const LAST = recorded[0]!;
const minorAfter = (version: string, n: number) => {
  const [major, minor] = version.split('.').map(Number);
  return `${major}.${minor! + n}.0`;
};
const NEXT = minorAfter(LAST, 1);
const AFTER = minorAfter(LAST, 2);
/** The CLIs as users run them (built by `npm run build`), on the copy. */
const cli = (name: string) => path.join(root, 'packages/spec-diff/dist/cli', name);

/** What a release reads and writes; the generator without its build, which the release makes. */
const COPIED = [
  'openapi',
  'redocly.yaml',
  'scripts',
  'generator/src',
  'generator/package.json',
  'generator/tsconfig.json',
  'tsconfig.base.json',
  'package.json',
  'package-lock.json',
  'CHANGELOG.md',
];

let repo: string;
const read = (file: string) => fs.readFile(path.join(repo, file), 'utf8');
const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim();

async function runCli(script: string, ...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli(script), ...args], {
      cwd: repo,
      maxBuffer: 32 * 1024 * 1024,
    });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

async function editApp(edit: (text: string) => string, message: string) {
  const file = path.join(repo, 'openapi/components/schemas/App.yaml');
  await fs.writeFile(file, edit(await fs.readFile(file, 'utf8')));
  git('commit', '-q', '-am', message);
}

beforeAll(async () => {
  repo = await fs.mkdtemp(path.join(os.tmpdir(), 'release-'));
  for (const entry of COPIED) await fs.cp(path.join(root, entry), path.join(repo, entry), { recursive: true });
  for (const dir of await fs.readdir(path.join(root, 'packages'))) {
    const from = path.join(root, 'packages', dir);
    for (const entry of ['package.json', 'src/generated', 'api.md']) {
      await fs
        .cp(path.join(from, entry), path.join(repo, 'packages', dir, entry), { recursive: true })
        .catch(() => undefined);
    }
  }
  await fs.symlink(path.join(root, 'node_modules'), path.join(repo, 'node_modules'));
  await fs.writeFile(path.join(repo, '.gitignore'), 'node_modules\ngenerator/dist/\n');
  git('init', '-q');
  git('config', 'user.email', 'release-test@example.org');
  git('config', 'user.name', 'Release test');
  git('add', '-A');
  git('commit', '-q', '-m', 'Copy of the repository');
}, 60_000);

afterAll(() => fs.rm(repo, { recursive: true, force: true }));

describe('npm run release', () => {
  test('the next minor after a field is added: bumps, regenerates, records, commits and tags', async () => {
    await editApp(
      (t) =>
        t.replace(
          'properties:\n',
          'properties:\n  release_note:\n    type: string\n    description: A note the release test adds.\n',
        ),
      'App: release_note',
    );

    const { code, out } = await runCli('release.js', NEXT, '--date', '2030-01-02');
    expect(code, out).toBe(0);

    for (const root of ['openapi/openapi.yaml', 'openapi/addon-provider.yaml', 'openapi/streams.yaml']) {
      expect(parse(await read(root)).info.version, root).toBe(NEXT);
    }
    // Only the version line changed in the spec's root: its comments survive.
    expect(await read('openapi/openapi.yaml')).toContain('# Root of the Scalingo API v1 description.');
    const client = JSON.parse(await read('packages/client/package.json'));
    const server = JSON.parse(await read('packages/server/package.json'));
    expect([client.version, server.version, JSON.parse(await read('generator/package.json')).version]).toEqual([
      NEXT,
      NEXT,
      NEXT,
    ]);
    expect(server.dependencies['@scalingo-openapi/client']).toBe(NEXT);
    expect(JSON.parse(await read('package-lock.json')).packages['packages/client'].version).toBe(NEXT);
    expect(await read('packages/client/src/generated/operations.ts')).toContain(
      `export const specVersion = '${NEXT}';`,
    );

    const snapshot = JSON.parse(await read(`openapi/releases/${NEXT}/openapi.json`));
    expect(snapshot.info.version).toBe(NEXT);
    expect(snapshot.components.schemas.App.properties.release_note).toBeDefined();
    const index = JSON.parse(await read('openapi/releases.json'));
    expect(index.releases.map((r: { version: string }) => r.version)).toEqual([NEXT, ...recorded]);

    const changelog = await read('CHANGELOG.md');
    expect(changelog).toContain(`\n## ${NEXT} — 2030-01-02\n\n### Added\n\n- `);
    // The spec may have grown since the last release besides the edit: its bullet is among the entry's Added ones.
    const added = changelog.slice(changelog.indexOf(`## ${NEXT}`), changelog.indexOf(`## ${LAST}`)).split('\n### ')[1];
    expect(added).toContain('\n- New field `release_note` of `App`.\n');
    expect(changelog.indexOf(`## ${NEXT}`)).toBeLessThan(changelog.indexOf(`## ${LAST} — `));

    expect(git('log', '-1', '--format=%s')).toBe(`Release ${NEXT}`);
    expect(git('tag', '--list')).toBe(`v${NEXT}`);
    expect(git('status', '--porcelain')).toBe('');
  }, 180_000);

  test('after it, the diff against the new release (the default base) is clean', async () => {
    const { code, out } = await runCli('diff.js');
    expect(code, out).toBe(0);
    expect(out).toContain(`Spec changes from release ${NEXT} to working tree`);
    expect(out).toContain('No breaking change.');
  }, 60_000);

  test('a field removed, then the minor after: refused, naming the change at App.yaml:line; nothing written', async () => {
    await editApp((t) => t.replace(', git_url,', ',').replace(/ {2}git_url:\n( {4}.*\n)+/, ''), 'App: no git_url');
    const diff = await runCli('diff.js');
    expect(diff.code).toBe(1);
    const { code, out } = await runCli('release.js', AFTER, '--date', '2030-02-03');
    expect(code).toBe(1);
    expect(out).toContain(`1 breaking change(s) since ${NEXT}, which only a major version (2.0.0) may bring`);
    expect(out).toMatch(
      /openapi\/components\/schemas\/App\.yaml:\d+:\d+ field-removed: Field `git_url` of `App` was removed\./,
    );
    expect(git('status', '--porcelain')).toBe('');
  }, 120_000);
});
