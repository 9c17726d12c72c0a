// `generate --watch`: time from saving a one-operation edit to the end of the
// regeneration, as the watcher reports it and as seen from outside.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { median, remove, repoRoot, specWorkspace } from './util.mjs';

/** @returns {Promise<Record<string, number>>} */
export async function benchWatch(edits = 6) {
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
    const file = path.join(dir, 'openapi/paths/apps/app.yaml');
    const original = fs.readFileSync(file, 'utf8');
    const outside = [];
    const reported = [];
    for (let i = 0; i < edits; i++) {
      const from = output.length;
      const started = performance.now();
      fs.writeFileSync(
        file,
        original.replace('summary: Retrieve an application', `summary: Retrieve an application (edit ${i})`),
      );
      const match = await waitFor(/generated .* in (\d+) ms/, from);
      outside.push(performance.now() - started);
      reported.push(Number(match[1]));
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return {
      'regeneration after a one-operation edit (seen from outside, incl. 25 ms debounce)': median(outside),
      'regeneration as the watcher reports it': median(reported),
    };
  } finally {
    child.kill('SIGTERM');
    remove(dir);
  }
}
