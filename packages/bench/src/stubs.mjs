// Requests/second and p99 latency on a read route: the generated stubs against
// a plain Fastify route returning the same body, and against Prism's mock of
// the same operation. Each server is its own process; autocannon loads them
// in turn for a bounded time.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleSpec } from '@scalingo-openapi/spec-reader';
import autocannon from 'autocannon';
import { repoRoot, startChild } from './util.mjs';

const DURATION = Number(process.env.BENCH_SECONDS ?? 4);

/** @typedef {{ requestsPerSecond: number, p99: number, errors: number }} Load */

/**
 * @param {string} url
 * @returns {Promise<Load>}
 */
function load(url) {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        connections: 10,
        duration: DURATION,
        headers: { authorization: 'Bearer bench', accept: 'application/json' },
      },
      (error, result) =>
        error
          ? reject(error)
          : resolve({
              requestsPerSecond: result.requests.average,
              p99: result.latency.p99,
              errors: result.errors + result.non2xx,
            }),
    );
  });
}

async function startPrism() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-prism-'));
  const file = path.join(dir, 'openapi.json');
  fs.writeFileSync(file, JSON.stringify(await bundleSpec('scalingo')));
  const port = 20000 + Math.floor(Math.random() * 20000);
  const child = spawn(
    process.execPath,
    [
      path.join(repoRoot, 'node_modules/@stoplight/prism-cli/dist/index.js'),
      'mock',
      file,
      '-h',
      '127.0.0.1',
      '-p',
      String(port),
      '--errors',
      'false',
      '-v',
      'error',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  /** @type {Promise<void>} */
  const listening = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('Prism did not start')), 60_000);
    const poll = setInterval(async () => {
      try {
        await fetch(`http://127.0.0.1:${port}/apps`, { headers: { authorization: 'Bearer x' } });
        clearInterval(poll);
        clearTimeout(timer);
        resolve();
      } catch {
        // not listening yet
      }
    }, 200);
  });
  await listening;
  return {
    port,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
        fs.rmSync(dir, { recursive: true, force: true });
      }),
  };
}

/**
 * Medians over rounds that alternate the servers, so a busy moment hurts each alike.
 * @returns {Promise<Record<string, Load>>}
 */
export async function benchStubs(rounds = 3) {
  /** @type {Record<string, { start: () => ReturnType<typeof startChild>, url: (port: number) => string }>} */
  const servers = {
    'plain Fastify route': {
      start: () => startChild(path.join(repoRoot, 'packages/bench/src/plain-server.mjs')),
      url: (port) => `http://127.0.0.1:${port}/v1/apps`,
    },
    'generated stubs': {
      start: () =>
        startChild(path.join(repoRoot, 'packages/bench/src/stub-server.mjs'), [], { NODE_ENV: 'production' }),
      url: (port) => `http://127.0.0.1:${port}/v1/apps`,
    },
  };
  /** @type {Record<string, Awaited<ReturnType<typeof startChild>>>} */
  const running = {};
  /** @type {Record<string, Load[]>} */
  const runs = {};
  try {
    for (const [name, server] of Object.entries(servers)) {
      const started = await server.start();
      running[name] = started;
      await load(server.url(started.port)); // warm-up, not counted
    }
    for (let round = 0; round < rounds; round++) {
      for (const [name, server] of Object.entries(servers))
        (runs[name] ??= []).push(await load(server.url(running[name]?.port ?? 0)));
    }
  } finally {
    await Promise.all(Object.values(running).map((server) => server.stop()));
  }
  /** @type {Record<string, Load>} */
  const results = {};
  for (const [name, list] of Object.entries(runs)) {
    const byRate = [...list].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
    const middle = byRate[Math.floor(byRate.length / 2)];
    if (middle) results[name] = middle;
  }
  const prism = await startPrism();
  try {
    await load(`http://127.0.0.1:${prism.port}/apps`);
    results['Prism mock'] = await load(`http://127.0.0.1:${prism.port}/apps`);
  } finally {
    await prism.stop();
  }
  return results;
}
