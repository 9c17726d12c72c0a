// Client call cost: the resource client (`client.apps.list()`,
// `client.apps.retrieve(app)`) and the standalone functions against bare
// openapi-fetch (`GET /apps`, `GET /apps/{app}`). Each peer runs in its own
// process (client-peer.mjs); one process works at a time, in rounds of the
// same number of calls whose order rotates each cycle (A B C, B C A, C A B…),
// so every peer meets the machine's load in the same places. A ratio is taken
// within each cycle, then its median and its spread (min–max over cycles) are
// reported: the client CPU per call first (process.cpuUsage of the peer's
// process; the server works in its own), as the figure least moved by other
// load, calls per second second. Two transports: a local node:http server in
// another process (client-server.mjs), and a fetch answering from memory,
// which leaves only the clients' own code to compare.
import { fork } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { median, pinToCpu, repoRoot, resultOf, startChild } from './util.mjs';

const CALLS = Number(process.env.BENCH_CALLS ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 12);
/** Calls from memory are ~5× cheaper: more of them make rounds of a similar length. */
const MEMORY_CALLS = 5 * CALLS;
// BENCH_PIN=1: the server on one CPU, the peers on the other (on a loaded
// machine this lowers calls/s a lot without narrowing the spread).
const PIN = process.env.BENCH_PIN === '1';
const PEERS = ['bare', 'resource', 'funcs'];
/** @type {Record<string, string>} */
const ENDPOINTS = { 'GET /apps (20 apps)': 'list', 'GET /apps/{app}': 'retrieve' };

/** @typedef {{ median: number, min: number, max: number }} Summary */
/** @typedef {{ cpuMicrosPerCall: number, callsPerSecond: number }} Run */
/**
 * @typedef {object} Measure one endpoint: each peer's figures, ours over bare's
 * @property {Record<string, { cpuMicrosPerCall: Summary, callsPerSecond: Summary }>} peers
 * @property {Record<string, { cpuPerCall: Summary, callsPerSecond: Summary }>} ratios
 */
/** @typedef {{ round: (endpoint: string, count: number) => Promise<{ cpuMicros: number, seconds: number }>, stop: () => void }} Peer */

/**
 * A peer process; `where` is the server's port or `memory`.
 * @param {string} name
 * @param {number | string} where
 * @returns {Promise<Peer>}
 */
function startPeer(name, where) {
  const child = fork(path.join(repoRoot, 'packages/bench/src/client-peer.mjs'), [name, String(where)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  if (PIN) pinToCpu(child.pid, 0);
  /** @type {() => Promise<{ cpuMicros: number, seconds: number }>} */
  const next = () =>
    new Promise((resolve, reject) => {
      const onExit = (/** @type {number | null} */ code) =>
        reject(new Error(`client peer ${name} exited with ${code}`));
      child.once('exit', onExit);
      child.once('message', (message) => {
        child.off('exit', onExit);
        resolve(/** @type {{ cpuMicros: number, seconds: number }} */ (message));
      });
    });
  return next().then(() => ({
    round: (endpoint, count) => {
      const answer = next();
      child.send({ endpoint, count });
      return answer;
    },
    stop: () => child.kill(),
  }));
}

/** @type {(values: number[]) => Summary} */
const summary = (values) => ({ median: median(values), min: Math.min(...values), max: Math.max(...values) });

/**
 * Rotated rounds of every peer on one endpoint: each peer's figures, and ours over bare's within each cycle.
 * @param {Record<string, Peer>} peers
 * @param {string} endpoint
 * @param {number} calls
 * @returns {Promise<Measure>}
 */
async function measure(peers, endpoint, calls) {
  const peer = (/** @type {string} */ name) => resultOf(peers, name);
  for (const name of PEERS) await peer(name).round(endpoint, calls); // warm-up
  /** @type {Record<string, Run[]>} */
  const runs = Object.fromEntries(PEERS.map((name) => [name, []]));
  const runsOf = (/** @type {string} */ name) => resultOf(runs, name);
  for (let cycle = 0; cycle < ROUNDS; cycle++)
    for (let i = 0; i < PEERS.length; i++) {
      const name = PEERS[(cycle + i) % PEERS.length] ?? 'bare';
      const { cpuMicros, seconds } = await peer(name).round(endpoint, calls);
      runsOf(name).push({ cpuMicrosPerCall: cpuMicros / calls, callsPerSecond: calls / seconds });
    }
  /** @type {(name: string, key: keyof Run) => number[]} */
  const figures = (name, key) => runsOf(name).map((run) => run[key]);
  /** @type {(name: string, key: keyof Run) => number[]} */
  const perCycle = (name, key) =>
    runsOf(name).map((run, cycle) => run[key] / (runsOf('bare')[cycle]?.[key] ?? Number.NaN));
  return {
    peers: Object.fromEntries(
      PEERS.map((name) => [
        name,
        {
          cpuMicrosPerCall: summary(figures(name, 'cpuMicrosPerCall')),
          callsPerSecond: summary(figures(name, 'callsPerSecond')),
        },
      ]),
    ),
    ratios: Object.fromEntries(
      PEERS.filter((name) => name !== 'bare').map((name) => [
        name,
        {
          cpuPerCall: summary(perCycle(name, 'cpuMicrosPerCall')),
          callsPerSecond: summary(perCycle(name, 'callsPerSecond')),
        },
      ]),
    ),
  };
}

/** @param {number | string} where */
async function startPeers(where) {
  /** @type {Record<string, Peer>} */
  const peers = {};
  for (const name of PEERS) peers[name] = await startPeer(name, where);
  return peers;
}

/**
 * @typedef {object} ClientResults
 * @property {number} loadAverage
 * @property {number} calls
 * @property {number} memoryCalls
 * @property {number} rounds
 * @property {Record<string, Measure>} [http]
 * @property {Record<string, Measure>} [memory]
 * @property {number} [loadAverageAfter]
 */

/** @returns {Promise<ClientResults>} */
export async function benchClient() {
  const server = await startChild(path.join(repoRoot, 'packages/bench/src/client-server.mjs'));
  if (PIN) pinToCpu(server.pid, 1);
  /** @type {Peer[]} */
  const started = [];
  try {
    /** @type {ClientResults} */
    const results = { loadAverage: os.loadavg()[0] ?? 0, calls: CALLS, memoryCalls: MEMORY_CALLS, rounds: ROUNDS };
    for (const [transport, where, calls] of /** @type {const} */ ([
      ['http', server.port, CALLS],
      ['memory', 'memory', MEMORY_CALLS],
    ])) {
      const peers = await startPeers(where);
      started.push(...Object.values(peers));
      /** @type {Record<string, Measure>} */
      const measured = {};
      results[transport] = measured;
      for (const [label, endpoint] of Object.entries(ENDPOINTS))
        measured[label] = await measure(peers, endpoint, calls);
      for (const peer of Object.values(peers)) peer.stop();
    }
    results.loadAverageAfter = os.loadavg()[0] ?? 0;
    return results;
  } finally {
    for (const peer of started) peer.stop();
    await server.stop();
  }
}
