// Minified + gzipped size of a consumer that lists apps, bundled with esbuild:
// with our client, and with bare openapi-fetch.

import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { repoRoot } from './util.mjs';

const CONSUMERS = {
  'our client': `import { createClient } from '@scalingo-openapi/client';
const client = createClient({ token: globalThis.SCALINGO_API_TOKEN });
console.log(await client.apps.list());`,
  'bare openapi-fetch': `import createClient from 'openapi-fetch';
const client = createClient({ baseUrl: 'https://api.osc-fr1.scalingo.com/v1', headers: { Authorization: 'Bearer ' + globalThis.SCALINGO_BEARER_TOKEN } });
console.log((await client.GET('/apps')).data.apps);`,
};

export async function benchBundleSize() {
  const sizes = {};
  for (const [name, contents] of Object.entries(CONSUMERS)) {
    const result = await build({
      stdin: { contents, resolveDir: repoRoot, loader: 'js' },
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      write: false,
      alias: { '@scalingo-openapi/client': path.join(repoRoot, 'packages/client/src/index.ts') },
      logLevel: 'silent',
    });
    const code = result.outputFiles[0].contents;
    sizes[name] = { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length };
  }
  return sizes;
}
