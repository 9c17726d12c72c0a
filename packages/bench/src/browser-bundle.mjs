// A browser consumer of the client bundled as a browser user's build would
// bundle it (esbuild, minified ESM for es2022, the client taken from its
// sources), and its size gzipped: one measurement for the bench's bundle-size
// figures and the funcs test's bound.
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '../../..');

/** A consumer that lists apps and retrieves one through the funcs entry: the figure the README's target is for. */
export const FUNCS_CONSUMER = `import { createCoreClient } from '@scalingo-openapi/client/core';
import { appsList, appsRetrieve } from '@scalingo-openapi/client/funcs';
const core = createCoreClient({ token: globalThis.SCALINGO_API_TOKEN });
const apps = await appsList(core);
console.log(await appsRetrieve(core, apps[0].name));`;

/**
 * Bundles `contents` (an ES module importing the client's entries or other packages of the workspace).
 * @param {string} contents
 * @returns {Promise<{ code: string, minified: number, gzipped: number }>}
 */
export async function bundleForBrowser(contents) {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    alias: {
      '@scalingo-openapi/client/core': path.join(root, 'packages/client/src/core.ts'),
      '@scalingo-openapi/client/funcs': path.join(root, 'packages/client/src/funcs.ts'),
      '@scalingo-openapi/client': path.join(root, 'packages/client/src/index.ts'),
    },
    logLevel: 'silent',
  });
  const file = result.outputFiles[0];
  const bytes = file?.contents ?? new Uint8Array();
  return { code: file?.text ?? '', minified: bytes.length, gzipped: gzipSync(bytes, { level: 9 }).length };
}
