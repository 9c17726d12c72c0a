// The commands of the toolchain produce what they promise: lint is clean,
// bundle writes both single-file forms, docs writes the site with the rendered
// reference (test/docs/ checks the site in a browser).
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };

describe('toolchain', () => {
  const apis = Object.keys(parse(readFileSync(path.join(root, 'redocly.yaml'), 'utf8')).apis);
  test.each(apis)(
    'lint %s: no error and no warning',
    async (api) => {
      const cli = path.join(root, 'node_modules/@redocly/cli/bin/cli.js');
      const { stdout } = await run(process.execPath, [cli, 'lint', api, '--format', 'json'], { cwd: root, env });
      const report = JSON.parse(stdout);
      expect(report.problems.map((p: { ruleId: string; message: string }) => `${p.ruleId}: ${p.message}`)).toEqual([]);
      expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
    },
    120_000,
  );

  test('docs renders the reference with Redoc inlined and the bundled spec beside it', async () => {
    const out = await fs.mkdtemp(path.join(os.tmpdir(), 'docs-'));
    await run('node', ['packages/docs/src/cli.mjs', out], { cwd: root, env });
    const html = await fs.readFile(path.join(out, 'reference.html'), 'utf8');
    expect(html).toContain('Scalingo API');
    expect(html).not.toMatch(/<script[^>]+src="https?:/);
    expect(await fs.readFile(path.join(out, 'index.html'), 'utf8')).toContain('href="reference.html"');
    expect(JSON.parse(await fs.readFile(path.join(out, 'openapi.json'), 'utf8')).openapi).toBe('3.1.0');
    await fs.rm(out, { recursive: true });
  }, 120_000);

  test('bundle writes dist/openapi.json and dist/openapi.yaml with the same content', async () => {
    const out = await fs.mkdtemp(path.join(os.tmpdir(), 'bundle-'));
    await run('node', ['scripts/bundle.mjs', path.relative(root, out)], { cwd: root, env });
    const json = JSON.parse(await fs.readFile(path.join(out, 'openapi.json'), 'utf8'));
    const yaml = parse(await fs.readFile(path.join(out, 'openapi.yaml'), 'utf8'));
    expect(json.openapi).toBe('3.1.0');
    expect(yaml).toEqual(json);
    expect(JSON.stringify(json)).not.toMatch(/"\$ref":"(?!#)/);
    await fs.rm(out, { recursive: true });
  }, 120_000);
});
