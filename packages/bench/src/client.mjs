// Client call cost against a local node:http server in another process: the
// resource client (`client.apps.list()`, `client.apps.retrieve(app)`) and the
// standalone functions against bare openapi-fetch (`GET /apps`,
// `GET /apps/{app}`), rounds alternated, medians. Reports calls per second
// and client CPU per call (process.cpuUsage over the round: the server's
// work is in its own process).
import path from 'node:path';
import { median, repoRoot, startChild } from './util.mjs';

const CALLS = Number(process.env.BENCH_CALLS ?? 2000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CONCURRENCY = 8;

/** @typedef {{ callsPerSecond: number, cpuMicrosPerCall: number }} Round */

/**
 * @param {() => Promise<unknown>} call
 * @returns {Promise<Round>}
 */
async function round(call) {
  let next = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next++ < CALLS) await call();
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  return { callsPerSecond: CALLS / seconds, cpuMicrosPerCall: (used.user + used.system) / CALLS };
}

/** @returns {Promise<Record<string, Record<string, Round>>>} */
export async function benchClient() {
  const server = await startChild(path.join(repoRoot, 'packages/bench/src/client-server.mjs'));
  try {
    const base = `http://127.0.0.1:${server.port}`;
    const { default: createFetchClient } = await import('openapi-fetch');
    const { createClient } = await import(path.join(repoRoot, 'packages/client/dist/index.js'));
    const { createCoreClient } = await import(path.join(repoRoot, 'packages/client/dist/core.js'));
    const { appsList, appsRetrieve } = await import(path.join(repoRoot, 'packages/client/dist/funcs.js'));
    /** @type {import('openapi-fetch').Client<import('@scalingo-openapi/client/schema').paths>} */
    const bare = createFetchClient({ baseUrl: `${base}/v1`, headers: { authorization: 'Bearer b' } });
    const client = createClient({ bearerToken: 'b', baseUrl: base });
    const core = createCoreClient({ bearerToken: 'b', baseUrl: base });
    // Each does what a caller needs: the apps (or the app) out of the answer.
    const endpoints = {
      'GET /apps (20 apps)': {
        bare: async () => (await bare.GET('/apps')).data?.apps,
        resource: () => client.apps.list(),
        funcs: () => appsList(core),
      },
      'GET /apps/{app}': {
        bare: async () => (await bare.GET('/apps/{app}', { params: { path: { app: 'my-shop-prod' } } })).data?.app,
        resource: () => client.apps.retrieve('my-shop-prod'),
        funcs: () => appsRetrieve(core, 'my-shop-prod'),
      },
    };
    /** @type {Record<string, Record<string, Round>>} */
    const results = {};
    for (const [endpoint, calls] of Object.entries(endpoints)) {
      /** @type {Record<string, Round[]>} */
      const runs = Object.fromEntries(Object.keys(calls).map((name) => [name, []]));
      for (const call of Object.values(calls)) await round(call); // warm-up
      for (let i = 0; i < ROUNDS; i++)
        for (const [name, call] of Object.entries(calls)) runs[name]?.push(await round(call));
      results[endpoint] = Object.fromEntries(
        Object.entries(runs).map(([name, r]) => [
          name,
          {
            callsPerSecond: median(r.map((x) => x.callsPerSecond)),
            cpuMicrosPerCall: median(r.map((x) => x.cpuMicrosPerCall)),
          },
        ]),
      );
    }
    return results;
  } finally {
    await server.stop();
  }
}
