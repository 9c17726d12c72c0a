// Every module of emit/ has its table-driven test here.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';

const emitDir = path.join(import.meta.dirname, '../../src/emit');
// Modules tested through another's file: the barrel, the header and ts-morph values with print, the official names with api.md.
const COVERED_BY = {
  emitters: 'none: a barrel',
  header: 'print',
  'official-names': 'api-md',
  'ts-morph': 'print',
} as Record<string, string>;

test('every emitter has a test file', () => {
  const modules = fs
    .readdirSync(emitDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.basename(f, '.ts'));
  const missing = modules.filter(
    (m) => !COVERED_BY[m] && !fs.existsSync(path.join(import.meta.dirname, `${m}.test.ts`)),
  );
  expect(missing).toEqual([]);
});
