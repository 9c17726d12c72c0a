// Minified + gzipped size of a browser consumer that lists apps and retrieves
// one, bundled with esbuild: through our standalone functions, through our
// resource client, with bare openapi-fetch and with the official client.

import { bundleForBrowser, FUNCS_CONSUMER } from './browser-bundle.mjs';

const CONSUMERS = {
  'our funcs entry (createCoreClient + appsList, appsRetrieve)': FUNCS_CONSUMER,
  'our resource client (createClient)': `import { createClient } from '@scalingo-openapi/client';
const client = createClient({ token: globalThis.SCALINGO_API_TOKEN });
const apps = await client.apps.list();
console.log(await client.apps.retrieve(apps[0].name));`,
  'bare openapi-fetch': `import createClient from 'openapi-fetch';
const client = createClient({ baseUrl: 'https://api.osc-fr1.scalingo.com/v1', headers: { Authorization: 'Bearer ' + globalThis.SCALINGO_BEARER_TOKEN } });
const apps = (await client.GET('/apps')).data.apps;
console.log((await client.GET('/apps/{app}', { params: { path: { app: apps[0].name } } })).data.app);`,
  'official client (scalingo 0.14.6)': `import { Client } from 'scalingo';
const client = new Client(globalThis.SCALINGO_BEARER_TOKEN, 'https://api.osc-fr1.scalingo.com');
const apps = await client.Apps.all();
console.log(await client.Apps.find(apps[0].name));`,
};

/** @returns {Promise<Record<string, { minified: number, gzipped: number, error?: undefined } | { error: string }>>} */
export async function benchBundleSize() {
  /** @type {Record<string, { minified: number, gzipped: number } | { error: string }>} */
  const sizes = {};
  for (const [name, contents] of Object.entries(CONSUMERS)) {
    try {
      const { minified, gzipped } = await bundleForBrowser(contents);
      sizes[name] = { minified, gzipped };
    } catch (error) {
      sizes[name] = { error: String(error instanceof Error ? error.message : error).split('\n')[0] ?? '' };
    }
  }
  return sizes;
}
