// scripts/inline-private.mjs, run by the server's and the mock's builds: what
// they import of a private workspace package is copied into their dist, or the
// build fails. Runs on a throwaway dist/ (needs spec-reader built).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, test } from 'vitest';

const run = promisify(execFile);
const script = path.resolve(import.meta.dirname, '../../scripts/inline-private.mjs');
const made: string[] = [];

/** A package directory whose dist/ holds `files`; runs the script there. */
async function inlineIn(files: Record<string, string>) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'inline-private-'));
  made.push(dir);
  await fs.writeFile(path.join(dir, 'package.json'), JSON.stringify({ name: 'published', type: 'module' }));
  for (const [name, text] of Object.entries(files)) {
    await fs.mkdir(path.dirname(path.join(dir, 'dist', name)), { recursive: true });
    await fs.writeFile(path.join(dir, 'dist', name), text);
  }
  const again = () =>
    run(process.execPath, [script], { cwd: dir, timeout: 30_000 }).then(
      ({ stdout }) => ({ code: 0, out: stdout }),
      (error: { code: number; stderr: string }) => ({ code: error.code, out: error.stderr }),
    );
  const read = (name: string) => fs.readFile(path.join(dir, 'dist', name), 'utf8');
  return { ...(await again()), dir, again, read, has: (name: string) => existsSync(path.join(dir, 'dist', name)) };
}

afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => fs.rm(dir, { recursive: true, force: true })));
});

describe('inline-private', () => {
  test('a subpath importing nothing is copied, and the imports point at the copy', async () => {
    const built = await inlineIn({
      'runtime/uses.js':
        "import { unescapeSegment } from '@scalingo-openapi/spec-reader/pointer';\nunescapeSegment('~1');\n",
      'runtime/uses.d.ts': "export type M = import('@scalingo-openapi/spec-reader/methods').HttpMethod;\n",
      'top.js': 'export { HTTP_METHODS } from "@scalingo-openapi/spec-reader/methods";\n',
    });
    expect(built).toMatchObject({ code: 0 });
    expect(await built.read('runtime/uses.js')).toBe(
      "import { unescapeSegment } from '../inlined/spec-reader/pointer.js';\nunescapeSegment('~1');\n",
    );
    expect(await built.read('runtime/uses.d.ts')).toContain("import('../inlined/spec-reader/methods.js')");
    expect(await built.read('top.js')).toContain('from "./inlined/spec-reader/methods.js"');
    const copy = await built.read('inlined/spec-reader/pointer.js');
    expect(copy).toMatch(/^\/\/ Copied at build from the private workspace package's spec-reader\/dist\/pointer\.js/);
    expect(copy).toContain('export function unescapeSegment');
    expect(copy).not.toContain('sourceMappingURL');
    expect(built.has('inlined/spec-reader/pointer.d.ts')).toBe(true);
    const inlined = await import(pathToFileURL(path.join(built.dir, 'dist/inlined/spec-reader/pointer.js')).href);
    expect(inlined.unescapeSegment('a~1b~0c')).toBe('a/b~c');

    // Run again on the rewritten dist/: the copies the imports need stay.
    expect(await built.again()).toMatchObject({ code: 0 });
    expect(built.has('inlined/spec-reader/pointer.js') && built.has('inlined/spec-reader/methods.js')).toBe(true);
  });

  test('a copy no import needs any more is dropped', async () => {
    const built = await inlineIn({ 'index.js': 'export {};\n', 'inlined/spec-reader/old.js': 'export {};\n' });
    expect(built).toMatchObject({ code: 0 });
    expect(built.has('inlined/spec-reader/old.js')).toBe(false);
  });

  test.each([
    [
      'the main entry (it imports Redocly)',
      "import { readSpec } from '@scalingo-openapi/spec-reader';\n",
      'index.js imports @scalingo-openapi/spec-reader: @scalingo-openapi/spec-reader is private',
    ],
    [
      'a subpath it does not export',
      "import { walk } from '@scalingo-openapi/spec-reader/walk';\n",
      'index.js imports @scalingo-openapi/spec-reader/walk',
    ],
    [
      'a name the parse cannot see as an import',
      "const where = require.resolve('@scalingo-openapi/spec-reader/pointer');\n",
      'index.js still names the private package @scalingo-openapi/spec-reader',
    ],
  ])('%s fails the build', async (_name, text, message) => {
    const built = await inlineIn({ 'index.js': text });
    expect(built.code).toBe(1);
    expect(built.out).toContain(message);
  });
});
