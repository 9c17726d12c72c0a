// One peer of the client benchmark in its own process, as a consumer would
// run it: bare openapi-fetch, our resource client or our funcs entry. Each
// process holds one client only, so no peer's code shapes the JIT feedback
// of another's (they share undici). Started by client.mjs through fork();
// each message asks for a round of calls and is answered with the client
// CPU time and the wall time of that round.
// With the `memory` transport, fetch answers from memory after building the
// Request as undici's fetch does first: what remains is the client's own
// code, the Request and the Response — the overhead this benchmark is
// about, without the sockets that dominate (and blur) the real calls.
// Also runs alone, for a CPU profile of one peer:
//   node --cpu-prof packages/bench/src/client-peer.mjs <peer> <endpoint> <calls> <port|memory>
// (the endpoint is `list` or `retrieve`; the server is client-server.mjs).
import path from 'node:path';
import { CLIENT_BODIES } from './bodies.mjs';
import { repoRoot, resultOf } from './util.mjs';

const CONCURRENCY = Number(process.env.BENCH_IN_FLIGHT ?? 8);

const answer = (/** @type {string} */ body) =>
  new Response(body, {
    status: 200,
    headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
  });

/**
 * @param {string | URL | Request} input
 * @param {RequestInit} [init]
 */
async function memoryFetch(input, init) {
  const request = new Request(input, init);
  return answer(request.url.endsWith('/v1/apps') ? CLIENT_BODIES.list : CLIENT_BODIES.one);
}

/**
 * @param {string | undefined} peer
 * @param {string} base
 * @param {typeof fetch | undefined} fetch
 * @returns {Promise<Record<string, () => Promise<unknown>>>}
 */
async function makeCalls(peer, base, fetch) {
  if (peer === 'bare') {
    const { default: createFetchClient } = await import('openapi-fetch');
    /** @type {import('openapi-fetch').Client<import('@scalingo-openapi/client/schema').paths>} */
    const bare = createFetchClient({ baseUrl: `${base}/v1`, headers: { authorization: 'Bearer b' }, fetch });
    // What a caller needs out of the answer: the apps, or the app.
    return {
      list: async () => (await bare.GET('/apps')).data?.apps,
      retrieve: async () => (await bare.GET('/apps/{app}', { params: { path: { app: 'my-shop-prod' } } })).data?.app,
    };
  }
  if (peer === 'resource') {
    const { createClient } = await import(path.join(repoRoot, 'packages/client/dist/index.js'));
    const client = createClient({ bearerToken: 'b', baseUrl: base, fetch });
    return { list: () => client.apps.list(), retrieve: () => client.apps.retrieve('my-shop-prod') };
  }
  if (peer === 'funcs') {
    const { createCoreClient } = await import(path.join(repoRoot, 'packages/client/dist/core.js'));
    const { appsList, appsRetrieve } = await import(path.join(repoRoot, 'packages/client/dist/funcs.js'));
    const core = createCoreClient({ bearerToken: 'b', baseUrl: base, fetch });
    return { list: () => appsList(core), retrieve: () => appsRetrieve(core, 'my-shop-prod') };
  }
  throw new Error(`unknown peer ${peer}`);
}

/**
 * `calls` calls, `CONCURRENCY` in flight; the CPU this process used (all its threads) and the wall time.
 * @param {() => Promise<unknown>} call
 * @param {number} calls
 */
async function round(call, calls) {
  let next = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next++ < calls) await call();
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  return { cpuMicros: used.user + used.system, seconds };
}

/** The base URL and fetch of a transport: a port of client-server.mjs (each client's default fetch), or `memory`. */
/** @type {(where: string | undefined) => [string, typeof fetch | undefined]} */
const transport = (where) =>
  where === 'memory' ? ['http://127.0.0.1:9', memoryFetch] : [`http://127.0.0.1:${where}`, undefined];

if (process.send) {
  const [peer, where] = process.argv.slice(2);
  const calls = await makeCalls(peer, ...transport(where));
  process.on('message', async ({ endpoint, count }) => {
    process.send?.(await round(resultOf(calls, String(endpoint)), count));
  });
  process.send({ ready: true });
} else {
  const [peer, endpoint, count, where] = process.argv.slice(2);
  const calls = await makeCalls(peer, ...transport(where));
  const { cpuMicros, seconds } = await round(resultOf(calls, String(endpoint)), Number(count));
  console.log(
    `${peer} ${endpoint}: ${(Number(count) / seconds).toFixed(0)} calls/s, ${(cpuMicros / Number(count)).toFixed(1)} µs CPU/call`,
  );
}
