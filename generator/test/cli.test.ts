// The CLI as users run it (built): --check's exit code, spec problems as
// file:line:col with exit code 2.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';

const run = promisify(execFile);
const cli = path.resolve(import.meta.dirname, '../dist/cli.js');
const root = path.resolve(import.meta.dirname, '../..');

describe.skipIf(!fs.existsSync(cli))('generator CLI (built by npm run build)', () => {
  test('--check exits 0 when the committed output matches the spec', async () => {
    const { stdout } = await run(process.execPath, [cli, '--check'], { cwd: root });
    expect(stdout).toMatch(/up to date/);
  }, 120_000);

  test('spec problems print as file:line:col and exit 2', async () => {
    const result = await run(process.execPath, [
      cli,
      '--check',
      '--cwd',
      path.join(import.meta.dirname, 'fixtures/broken'),
    ]).catch((error) => error);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^things\.yaml:2:3 operationId "" must be dotted camelCase segments/m);
  }, 120_000);
});
