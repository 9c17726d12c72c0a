// Full `generate` (types, client, stubs, api.md, code samples) against the
// openapi-typescript CLI producing the types alone, and two other generators
// for reference; every tool as a whole process on the same multi-file spec.
import os from 'node:os';
import path from 'node:path';
import { median, remove, repoRoot, specWorkspace, timeProcess } from './util.mjs';

/** The key of the machine's load average (1 min, median over the runs) among the results. */
export const LOAD = 'load average (1 min)';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const bin = (/** @type {string} */ p) => path.join(repoRoot, 'node_modules', p);

/** @returns {Record<string, number | { error: string }>} */
export function benchGenerate() {
  const ours = specWorkspace();
  const peers = specWorkspace({ withConfig: false });
  /** @type {Record<string, () => number>} */
  const tools = {
    'our generate (types + client + stubs + api.md + samples)': () =>
      timeProcess(process.execPath, [path.join(repoRoot, 'generator/dist/cli.js'), '--cwd', ours]),
    'openapi-typescript CLI (types only)': () =>
      timeProcess(
        process.execPath,
        [bin('openapi-typescript/bin/cli.js'), 'openapi/openapi.yaml', '-o', 'out/ots.ts'],
        { cwd: peers },
      ),
    '@hey-api/openapi-ts (types + sdk)': () =>
      timeProcess(
        process.execPath,
        [
          bin('@hey-api/openapi-ts/bin/run.js'),
          '-i',
          './openapi/openapi.yaml',
          '-o',
          'out/hey',
          '-c',
          '@hey-api/client-fetch',
        ],
        { cwd: peers },
      ),
    'orval (fetch client)': () =>
      timeProcess(
        process.execPath,
        [
          bin('orval/dist/bin/orval.js'),
          '--input',
          'openapi/openapi.yaml',
          '--output',
          'out/orval/api.ts',
          '--client',
          'fetch',
        ],
        { cwd: peers },
      ),
  };
  /** @type {Record<string, number[] | { error: string }>} */
  const results = {};
  /** @type {number[]} */
  const load = [];
  try {
    // Interleave the tools so that a busy moment hurts them alike.
    for (let run = 0; run < RUNS; run++) {
      for (const [name, fn] of Object.entries(tools)) {
        try {
          const times = (results[name] ??= []);
          if (Array.isArray(times)) times.push(fn());
          load.push(os.loadavg()[0] ?? 0);
        } catch (error) {
          // The tool's own first line of complaint, not the command line.
          const reason =
            String(error instanceof Error ? error.message : error)
              .split('\n')
              .find((l) => /error|failed|invalid/i.test(l) && !l.includes(repoRoot)) ?? 'failed';
          // biome-ignore lint/suspicious/noControlCharactersInRegex: strips ANSI colour codes.
          results[name] = { error: reason.replace(/\u001b\[[0-9;]*m/g, '').trim() };
          delete tools[name];
        }
      }
    }
  } finally {
    remove(ours);
    remove(peers);
  }
  return {
    ...Object.fromEntries(
      Object.entries(results).map(([name, runs]) => [name, Array.isArray(runs) ? median(runs) : runs]),
    ),
    [LOAD]: median(load),
  };
}
