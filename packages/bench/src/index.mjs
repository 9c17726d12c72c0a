// npm run bench — every benchmark in one run, peers side by side; prints the
// figures and their ratios and writes dist/bench/results.json.
// Needs `npm run build` (the generator, client and server as users run them).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchBundleSize } from './bundle-size.mjs';
import { benchClient } from './client.mjs';
import { benchGenerate, LOAD } from './generate.mjs';
import { benchStubs } from './stubs.mjs';
import { benchTypecheck } from './typecheck.mjs';
import { formatMs, repoRoot, resultOf } from './util.mjs';
import { benchWatch } from './watch.mjs';

for (const built of ['generator/dist/cli.js', 'packages/client/dist/index.js', 'packages/server/dist/index.js']) {
  if (!fs.existsSync(path.join(repoRoot, built))) {
    console.error(`${built} is missing: run \`npm run build\` first`);
    process.exit(2);
  }
}
const only = process.argv.slice(2);
const wanted = (/** @type {string} */ name) => only.length === 0 || only.includes(name);
/** @type {Record<string, unknown>} */
const results = {};
/** @type {(label: string, value: unknown, note?: string) => void} */
const line = (label, value, note = '') => console.log(`  ${label.padEnd(62)} ${String(value).padStart(12)}  ${note}`);
/** @type {(a: number, b: number) => string} */
const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
/** The load average beside the figures: the machine is shared. */
const loadLine = (/** @type {unknown} */ load) =>
  line(LOAD, typeof load === 'number' ? load.toFixed(1) : '?', `${os.cpus().length} cores`);

if (wanted('generate')) {
  console.log('\nGenerate (whole processes, median of runs, same multi-file spec)');
  const r = (results.generate = benchGenerate());
  for (const [name, ms] of Object.entries(r))
    if (name !== LOAD) line(name, typeof ms === 'number' ? formatMs(ms) : `failed: ${ms.error}`);
  const ours = resultOf(r, 'our generate (types + client + stubs + api.md + samples)');
  const peer = resultOf(r, 'openapi-typescript CLI (types only)');
  const both = typeof ours === 'number' && typeof peer === 'number';
  line('ratio ours / openapi-typescript', both ? ratio(ours, peer) : 'failed', 'target ≤ 1.00×');
  loadLine(r[LOAD]);
}
if (wanted('watch')) {
  console.log('\nWatch (alternated edits, medians)');
  const r = (results.watch = await benchWatch());
  for (const [name, ms] of Object.entries(r))
    if (name !== LOAD) line(name, formatMs(ms), name.startsWith('one-operation') ? 'target ≤ 300 ms' : '');
  loadLine(r[LOAD]);
}
if (wanted('client')) {
  console.log('\nClient calls, each peer in its own process, 8 in flight; median (min–max) over rotated rounds');
  const r = (results.client = await benchClient());
  const range = (/** @type {import('./client.mjs').Summary} */ s) => `(${s.min.toFixed(2)}–${s.max.toFixed(2)})`;
  console.log(
    `  load average ${r.loadAverage.toFixed(1)} → ${(r.loadAverageAfter ?? Number.NaN).toFixed(1)}; ${r.rounds} rounds per peer`,
  );
  for (const [transport, title] of /** @type {const} */ ([
    ['http', `local node:http server in another process, rounds of ${r.calls} calls`],
    ['memory', `fetch answering from memory (the clients' own code), rounds of ${r.memoryCalls} calls`],
  ])) {
    console.log(`  ${title}`);
    for (const [endpoint, { peers, ratios }] of Object.entries(r[transport] ?? {})) {
      console.log(`    ${endpoint}`);
      for (const [name, s] of Object.entries(peers))
        line(
          `    ${name}`,
          `${s.cpuMicrosPerCall.median.toFixed(1)} µs CPU/call`,
          `${s.callsPerSecond.median.toFixed(0)} calls/s`,
        );
      for (const [ours, s] of Object.entries(ratios)) {
        line(
          `    ${ours} / bare, client CPU per call`,
          `${s.cpuPerCall.median.toFixed(2)}×`,
          `${range(s.cpuPerCall)} target ≤ 1.05×`,
        );
        line(
          `    ${ours} / bare, calls/s`,
          `${s.callsPerSecond.median.toFixed(2)}×`,
          `${range(s.callsPerSecond)} target ≥ 0.95×`,
        );
      }
    }
  }
}
if (wanted('size')) {
  console.log('\nBundle size of a browser consumer listing apps and retrieving one (esbuild, minified + gzip -9)');
  const r = (results.size = await benchBundleSize());
  for (const [name, size] of Object.entries(r))
    line(
      name,
      'error' in size ? 'failed' : `${(size.gzipped / 1024).toFixed(1)} kB`,
      'error' in size ? size.error : `(${(size.minified / 1024).toFixed(1)} kB minified)`,
    );
  const funcs = resultOf(r, 'our funcs entry (createCoreClient + appsList, appsRetrieve)');
  line(
    'our funcs entry',
    'error' in funcs ? 'failed' : `${(funcs.gzipped / 1024).toFixed(1)} kB (${funcs.gzipped} B)`,
    'target ≤ 4.8 kB (4,800 B)',
  );
}
if (wanted('typecheck')) {
  console.log('\nType-checking a consumer that lists apps and retrieves one (strict tsc, its total time, median)');
  const r = (results.typecheck = benchTypecheck());
  const bare = resultOf(r, 'bare openapi-fetch on the same types');
  for (const [name, modes] of Object.entries(r))
    for (const [mode, ms] of Object.entries(modes))
      line(
        `${name}, ${mode}`,
        formatMs(ms),
        name === 'bare openapi-fetch on the same types' ? '' : ratio(ms, resultOf(bare, mode)),
      );
}
if (wanted('stubs')) {
  console.log('\nServer stubs on GET /v1/apps (autocannon, 10 connections)');
  const r = (results.stubs = await benchStubs());
  for (const [name, s] of Object.entries(r))
    line(name, `${s.requestsPerSecond.toFixed(0)} req/s`, `p99 ${s.p99} ms${s.errors ? `, ${s.errors} errors` : ''}`);
  line(
    'stubs / plain Fastify',
    ratio(resultOf(r, 'generated stubs').requestsPerSecond, resultOf(r, 'plain Fastify route').requestsPerSecond),
    'target ≥ 0.80×',
  );
  line(
    'stubs / Prism',
    ratio(resultOf(r, 'generated stubs').requestsPerSecond, resultOf(r, 'Prism mock').requestsPerSecond),
    'target ≥ 10×',
  );
}
const out = path.join(repoRoot, 'dist/bench/results.json');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(
  out,
  `${JSON.stringify({ date: new Date().toISOString(), node: process.version, results }, null, 2)}\n`,
);
console.log(`\n${path.relative(repoRoot, out)}`);
