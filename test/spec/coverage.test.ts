// The coverage report: every operation keeps its operationId, examples and
// error answers, and every endpoint of the public reference is encoded.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import type { Json } from '../support/spec.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const result = await run(process.execPath, ['scripts/coverage.mjs', '--json'], {
  cwd: root,
  env: { ...process.env, REDOCLY_TELEMETRY: 'off' },
}).catch((e) => e);
const report = JSON.parse(result.stdout);

describe('coverage report', () => {
  test('exits 0: nothing incomplete, nothing unmapped', () => {
    expect(report.incomplete).toEqual([]);
    expect(report.unmapped).toEqual([]);
    expect(result.code ?? 0).toBe(0);
  });

  test.each((report.operations as Json[]).map((r): [string, Json] => [`${r.method} ${r.path}`, r]))(
    '%s has an operationId, examples and errors',
    (_, row) => {
      expect(row.operationId).toMatch(/^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)+$/);
      expect(row.examples).toBe(true);
      expect(row.errors.length).toBeGreaterThan(0);
    },
  );

  test('every reference endpoint maps to an operation, or says why not', () => {
    const ids = new Set(report.operations.map((r: { operationId: string }) => r.operationId));
    expect(report.reference.length).toBeGreaterThanOrEqual(177);
    for (const endpoint of report.reference) {
      if (endpoint.operation) expect(ids.has(endpoint.operation), `${endpoint.method} ${endpoint.url}`).toBe(true);
      else expect(endpoint.note, `${endpoint.method} ${endpoint.url}`).toMatch(/not an operation/);
    }
  });

  test('the three APIs and both provider directions are there', () => {
    const apis = new Set(report.operations.map((r: { api: string }) => r.api));
    expect([...apis].sort()).toEqual([
      'Addon provider API (served by providers)',
      'Authentication API',
      'Database API',
      'Regional API',
      'Streams (logs and deployments hosts)',
    ]);
  });
});
