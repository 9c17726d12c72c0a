// `generate --watch`: time from saving a one-operation edit to the end of the
// regeneration, as the watcher reports it and as seen from outside; beside it,
// in alternated rounds, an edit to a component schema, which renders the
// types of the whole document again (what every edit cost before the watcher
// rendered only what changed).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LOAD } from './generate.mjs';
import { median, remove, repoRoot, specWorkspace } from './util.mjs';

/** @returns {Promise<Record<string, number>>} */
export async function benchWatch(rounds = 6) {
  const dir = specWorkspace();
  const child = spawn(process.execPath, [path.join(repoRoot, 'generator/dist/cli.js'), '--watch', '--cwd', dir], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, REDOCLY_TELEMETRY: 'off' },
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  /** @type {(pattern: RegExp, from: number) => Promise<RegExpExecArray>} */
  const waitFor = (pattern, from) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`watch: no "${pattern}" in:\n${output}`)), 60_000);
      const poll = setInterval(() => {
        const match = pattern.exec(output.slice(from));
        if (match) {
          clearInterval(poll);
          clearTimeout(timer);
          resolve(match);
        }
      }, 2);
    });
  try {
    await waitFor(/watching openapi/, 0);
    /** @type {Record<string, [string, string, string]>} file, text, edited text */
    const edits = {
      operation: [
        'openapi/paths/apps/app.yaml',
        'summary: Retrieve an application',
        'summary: Retrieve an application',
      ],
      component: [
        'openapi/components/schemas/App.yaml',
        'description: Unique ID of the application.',
        'description: Unique ID of the application',
      ],
    };
    /** @type {Record<string, { original: string, outside: number[], reported: number[] }>} */
    const runs = {};
    for (const [kind, [file]] of Object.entries(edits))
      runs[kind] = { original: fs.readFileSync(path.join(dir, file), 'utf8'), outside: [], reported: [] };
    /** @type {number[]} */
    const load = [];
    for (let i = 0; i < rounds; i++) {
      for (const [kind, [file, from, to]] of Object.entries(edits)) {
        const run = runs[kind];
        if (!run) continue;
        const start = output.length;
        const started = performance.now();
        fs.writeFileSync(path.join(dir, file), run.original.replace(from, `${to} (edit ${i})`));
        const match = await waitFor(/generated .* in (\d+) ms/, start);
        run.outside.push(performance.now() - started);
        run.reported.push(Number(match[1]));
        load.push(os.loadavg()[0] ?? 0);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
    return {
      'one-operation edit, seen from outside (incl. 25 ms debounce)': median(runs.operation?.outside ?? []),
      'one-operation edit, as the watcher reports it': median(runs.operation?.reported ?? []),
      'component edit (whole types render), as the watcher reports it': median(runs.component?.reported ?? []),
      [LOAD]: median(load),
    };
  } finally {
    child.kill('SIGTERM');
    remove(dir);
  }
}
