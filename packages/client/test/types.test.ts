// Type tests: strict tsc over the package and a usage fixture whose
// `@ts-expect-error` lines must all be errors.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';

const run = promisify(execFile);
const tsc = path.resolve(import.meta.dirname, '../../../node_modules/typescript/bin/tsc');

test('strict tsc accepts the package and rejects wrong parameter names and types', async () => {
  const result = await run(process.execPath, [tsc, '-p', path.join(import.meta.dirname, 'types/tsconfig.json')]).catch(
    (error) => error,
  );
  expect(`${result.stdout ?? ''}${result.stderr ?? ''}`).toBe('');
}, 120_000);
