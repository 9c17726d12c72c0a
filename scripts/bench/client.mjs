// A client call's throughput on a local node:http server: our
// `client.apps.list()` against a bare openapi-fetch `GET /apps`, alternated.
import path from 'node:path';
import { median, repoRoot, startChild } from './util.mjs';

const CALLS = Number(process.env.BENCH_CALLS ?? 4000);
const CONCURRENCY = 8;

async function throughput(call) {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next++ < CALLS) await call();
    }),
  );
  return CALLS / ((performance.now() - started) / 1000);
}

export async function benchClient() {
  const server = await startChild(path.join(repoRoot, 'scripts/bench/client-server.mjs'));
  try {
    const base = `http://127.0.0.1:${server.port}`;
    const { default: createFetchClient } = await import('openapi-fetch');
    const { createClient } = await import(path.join(repoRoot, 'packages/client/dist/index.js'));
    const bare = createFetchClient({ baseUrl: `${base}/v1`, headers: { authorization: 'Bearer b' } });
    const ours = createClient({ bearerToken: 'b', baseUrl: base });
    const runs = { bare: [], ours: [] };
    await throughput(() => bare.GET('/apps'));
    await throughput(() => ours.apps.list());
    for (let round = 0; round < 5; round++) {
      runs.bare.push(await throughput(async () => (await bare.GET('/apps')).data.apps));
      runs.ours.push(await throughput(() => ours.apps.list()));
    }
    return { 'bare openapi-fetch (calls/s)': median(runs.bare), 'our client (calls/s)': median(runs.ours) };
  } finally {
    await server.stop();
  }
}
