// Shared pieces of the benchmarks: timing whole processes, medians, temporary
// copies of the repository's spec, starting and stopping child servers.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '@scalingo-openapi/spec-reader';

export { repoRoot };

/** @param {number[]} values */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const at = (/** @type {number} */ i) => sorted[i] ?? Number.NaN;
  return sorted.length % 2 ? at(middle) : (at(middle - 1) + at(middle)) / 2;
}

/**
 * Wall time of a whole process, in ms; throws when it fails.
 * @param {string} command
 * @param {string[]} args
 * @param {import('node:child_process').SpawnSyncOptions} [options]
 */
export function timeProcess(command, args, options = {}) {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', NO_COLOR: '1' },
    ...options,
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return ms;
}

/** A temporary directory holding what the generator reads: the spec and its Redocly configuration. */
export function specWorkspace({ withConfig = true } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
  fs.cpSync(path.join(repoRoot, 'openapi'), path.join(dir, 'openapi'), { recursive: true });
  if (withConfig) {
    fs.copyFileSync(path.join(repoRoot, 'redocly.yaml'), path.join(dir, 'redocly.yaml'));
    fs.cpSync(path.join(repoRoot, 'scripts/redocly'), path.join(dir, 'scripts/redocly'), { recursive: true });
  }
  return dir;
}

/** @param {string} dir */
export function remove(dir) {
  fs.rmSync(dir, { recursive: true, force: true });
}

/**
 * Starts a Node script as a child process and resolves when it prints `ready <port>`.
 * @param {string} script
 * @param {string[]} [args]
 * @param {Record<string, string>} [env]
 * @returns {Promise<{ port: number, pid: number | undefined, stop: () => Promise<unknown> }>}
 */
export async function startChild(script, args = [], env = {}) {
  const child = spawn(process.execPath, [script, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  const port = await /** @type {Promise<number>} */ (
    new Promise((resolve, reject) => {
      let output = '';
      child.stdout.on('data', (chunk) => {
        output += chunk;
        const match = /ready (\d+)/.exec(output);
        if (match) resolve(Number(match[1]));
      });
      child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
      setTimeout(() => reject(new Error(`${script} did not start`)), 60_000).unref();
    })
  );
  return {
    port,
    pid: child.pid,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}

/**
 * Keeps a process on one CPU (Linux `taskset`), so the client and the server
 * of a benchmark never share or swap cores; does nothing where it cannot.
 * @param {number | undefined} pid
 * @param {number} cpu
 */
export function pinToCpu(pid, cpu) {
  if (os.cpus().length < 2) return;
  spawnSync('taskset', ['-pc', String(cpu), String(pid)], { stdio: 'ignore' });
}

/**
 * The result named `name`, or a clear error when that run gave none.
 * @template T
 * @param {Record<string, T>} results
 * @param {string} name
 * @returns {T}
 */
export function resultOf(results, name) {
  const result = results[name];
  if (result === undefined) throw new Error(`bench: no result for "${name}"`);
  return result;
}

/** @param {number} ms */
export function formatMs(ms) {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
}
