// The coverage report: every operation keeps its operationId, examples and
// error answers, and every endpoint of the public reference is encoded.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { locateGoClient } from '../support/go-client/locate.js';
import { type Json, loadSpec, operations } from '../support/spec.js';

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

  test('operations known from an official client name existing client files and say so in their description', async () => {
    const spec = await loadSpec();
    const goClient = locateGoClient();
    const evidenced = operations(spec).filter(
      (e) => e.operation['x-scalingo-evidence'] && !e.operation['x-scalingo-head-of'],
    );
    expect(evidenced.length).toBeGreaterThanOrEqual(23);
    for (const { operation } of evidenced) {
      const files: string[] = operation['x-scalingo-evidence'];
      expect(files.length, operation.operationId).toBeGreaterThan(0);
      expect(operation.description, operation.operationId).toMatch(/not in the public API reference/i);
      for (const file of files) {
        expect(file, operation.operationId).toMatch(/^(go-scalingo|node_modules\/scalingo)\//);
        if (file.startsWith('go-scalingo/') && goClient)
          expect(fs.existsSync(path.join(goClient, file.slice('go-scalingo/'.length))), file).toBe(true);
        if (file.startsWith('node_modules/')) expect(fs.existsSync(path.join(root, file)), file).toBe(true);
      }
    }
  });

  test('the four APIs and both provider directions are there', () => {
    const apis = new Set(report.operations.map((r: { api: string }) => r.api));
    expect([...apis].sort()).toEqual([
      'Addon provider API (served by providers)',
      'Authentication API',
      'Billing API',
      'Database API',
      'Regional API',
      'Streams (logs and deployments hosts)',
    ]);
  });
});
