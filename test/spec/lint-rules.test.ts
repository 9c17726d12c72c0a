// The Scalingo lint rules report what they exist for, on a fixture that breaks
// each convention once (and the real spec has none of it: see tools.test.ts).
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

type Problem = { ruleId: string; message: string; location: Array<{ pointer: string }> };

async function lintFixture(): Promise<Problem[]> {
  const cli = path.join(root, 'node_modules/@redocly/cli/bin/cli.js');
  const fixture = path.join(root, 'test/fixtures/lint-violations/openapi.yaml');
  const result = await run(process.execPath, [cli, 'lint', fixture, '--format', 'json'], {
    cwd: root,
    env: { ...process.env, REDOCLY_TELEMETRY: 'off' },
  }).catch((error) => error);
  expect(result.code, 'lint exits non-zero on problems').toBe(1);
  return JSON.parse(result.stdout).problems;
}

describe('Scalingo lint rules', async () => {
  const problems = await lintFixture();
  const rules = new Set(problems.map((p) => p.ruleId));

  test.each([
    ['scalingo/rooted-envelope', 'an array at the root of a body'],
    ['scalingo/date-fields', 'a date not using DateTime'],
    ['scalingo/pagination-meta', 'page without per_page and meta.pagination'],
    ['scalingo/error-responses', 'missing 429/5XX errors'],
    ['scalingo/explicit-security', 'an operation without security'],
    ['scalingo/verb-bodies', 'DELETE with a non-JSON body'],
    ['scalingo/https-servers', 'an http server'],
    ['rule/operation-id-dotted', 'an operationId without dots'],
  ])('%s reports %s', (rule) => {
    expect([...rules]).toContain(rule);
  });

  test('scalingo/pagination-meta accepts an operation evidenced by an official client', () => {
    const evidenced = problems.filter(
      (p) => p.ruleId === 'scalingo/pagination-meta' && p.location.some((l) => l.pointer.includes('~1evidenced')),
    );
    expect(evidenced).toEqual([]);
    expect(problems.some((p) => p.ruleId === 'scalingo/pagination-meta')).toBe(true);
  });
});
