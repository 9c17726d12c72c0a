// `npm run diff`: its exit code is the gate CI runs. 1 on a breaking change,
// 0 on a clean one or when the major version moved, 2 when it cannot compare.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, test } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../../..');
const fixtures = 'packages/spec-diff/test/fixtures';
// The CLI as users run it: built by `npm run build`.
const cli = path.join(root, 'packages/spec-diff/dist/cli/diff.js');

async function diff(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe.concurrent('npm run diff', () => {
  beforeAll(() => {
    if (!existsSync(cli)) throw new Error(`${cli} is missing: run \`npm run build\` first`);
  });

  test('a breaking change: exit 1, the change named with its file:line', async () => {
    const { code, stdout } = await diff(
      `${fixtures}/base.yaml`,
      '--revision',
      `${fixtures}/field-removed/revision.yaml`,
    );
    expect(code).toBe(1);
    expect(stdout).toMatch(
      /^ {2}packages\/spec-diff\/test\/fixtures\/field-removed\/revision\.yaml:\d+:\d+ BREAKING field-removed: Field `git_url` of `App` was removed\./m,
    );
    expect(stdout).toContain('1 breaking change(s) without a major version change');
  }, 60_000);

  test('a change that only grows the API: exit 0', async () => {
    const { code, stdout } = await diff(
      `${fixtures}/base.yaml`,
      '--revision',
      `${fixtures}/operation-added/revision.yaml`,
    );
    expect(code).toBe(0);
    expect(stdout).toContain('ok operation-added: New operation `POST /apps/{app}/restart`');
    expect(stdout).toContain('No breaking change.');
  }, 60_000);

  test('a breaking change with the major version moved (a v2): exit 0, listed as allowed', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'diff-major-'));
    const text = await fs.readFile(path.join(root, fixtures, 'field-removed/revision.yaml'), 'utf8');
    await fs.writeFile(path.join(dir, 'v2.yaml'), text.replace('version: 1.0.0', 'version: 2.0.0'));
    const { code, stdout } = await diff(`${fixtures}/base.yaml`, '--revision', path.join(dir, 'v2.yaml'));
    expect(code).toBe(0);
    expect(stdout).toContain('allowed by the major version change (scalingo 1.0.0 → 2.0.0)');
    await fs.rm(dir, { recursive: true });
  }, 60_000);

  test('--format json carries every change with its place', async () => {
    const { code, stdout } = await diff(
      `${fixtures}/base.yaml`,
      '--revision',
      `${fixtures}/status-removed/revision.yaml`,
      '--format',
      'json',
    );
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.violations).toBe(1);
    expect(report.documents[0].changes[0]).toMatchObject({
      kind: 'status-removed',
      breaking: true,
      place: { file: `${fixtures}/status-removed/revision.yaml` },
    });
  }, 60_000);

  test('--format markdown is the changelog entry the changes would make', async () => {
    const { stdout } = await diff(
      `${fixtures}/base.yaml`,
      '--revision',
      `${fixtures}/field-added/revision.yaml`,
      '--format',
      'markdown',
    );
    expect(stdout).toMatch(/^## Unreleased — \d{4}-\d{2}-\d{2}\n\n### Added\n\n- New field `region` of `App`\.$/m);
  }, 60_000);

  test('a base that is neither a release, a file nor a git ref: exit 2', async () => {
    const { code, stderr } = await diff('no-such-ref-or-file');
    expect(code).toBe(2);
    expect(stderr).toContain('"no-such-ref-or-file" is neither a recorded release, a file, nor a git ref');
  }, 60_000);
});
