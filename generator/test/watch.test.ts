// --watch regenerates on every spec edit, rendering again only what the edit
// changed; after each edit of a series, every generated file on disk is what
// a full `generate` of the same tree gives.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { generate } from '../src/generate.js';
import { diffOutput } from '../src/write/write-tree.js';

const root = path.resolve(import.meta.dirname, '../..');
const cli = path.join(root, 'generator/dist/cli.js');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'watch-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const at = (file: string) => path.join(dir, file);
const read = (file: string) => fs.readFileSync(at(file), 'utf8');
const edit = (file: string, from: string | RegExp, to: string) => {
  const text = read(file);
  expect(text).toMatch(from);
  fs.writeFileSync(at(file), text.replace(from, to));
};

/** Each step edits the spec; the watcher must then leave what a full run writes. */
const steps: Array<[string, () => void, (apiMd: string) => void]> = [
  [
    'a summary (one operation)',
    () => edit('openapi/paths/apps/app.yaml', 'summary: Retrieve an application', 'summary: Retrieve one application'),
    (apiMd) => expect(apiMd).toContain('Retrieve one application'),
  ],
  [
    'a new property of a component schema',
    () =>
      edit(
        'openapi/components/schemas/App.yaml',
        /^properties:\n/m,
        'properties:\n  watch_note:\n    type: string\n    description: A property added by the watch test.\n',
      ),
    () => expect(read('packages/client/src/generated/schema.ts')).toContain('watch_note'),
  ],
  [
    'a new path file',
    () => {
      fs.writeFileSync(
        at('openapi/paths/apps/stats-copy.yaml'),
        read('openapi/paths/apps/stats.yaml').replace(
          'operationId: apps.stats.list',
          'operationId: apps.statsCopy.list',
        ),
      );
      edit(
        'openapi/openapi.yaml',
        '    $ref: paths/apps/stats.yaml\n',
        '    $ref: paths/apps/stats.yaml\n  /apps/{app}/stats-copy:\n    $ref: paths/apps/stats-copy.yaml\n',
      );
    },
    (apiMd) => expect(apiMd).toContain('`apps.statsCopy.list(app)`'),
  ],
  [
    'a removal (the property and the path again)',
    () => {
      edit('openapi/components/schemas/App.yaml', /\n {2}watch_note:\n.*\n.*\n/, '\n');
      edit('openapi/openapi.yaml', '  /apps/{app}/stats-copy:\n    $ref: paths/apps/stats-copy.yaml\n', '');
      fs.rmSync(at('openapi/paths/apps/stats-copy.yaml'));
    },
    (apiMd) => expect(apiMd).not.toContain('statsCopy'),
  ],
];

test.skipIf(!fs.existsSync(cli))(
  'after each edit of a series, the files --watch wrote are those of a full generate',
  async () => {
    fs.cpSync(path.join(root, 'openapi'), at('openapi'), { recursive: true });
    fs.cpSync(path.join(root, 'scripts/redocly'), at('scripts/redocly'), { recursive: true });
    fs.copyFileSync(path.join(root, 'redocly.yaml'), at('redocly.yaml'));
    const child = spawn(process.execPath, [cli, '--watch', '--cwd', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let lastReport = 0;
    const onData = (chunk: Buffer) => {
      output += chunk;
      if (/(generated .*|up to date \(\d+ ms\))\n$/.test(output)) lastReport = Date.now();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const until = (check: () => boolean, what: string) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; output:\n${output}`)), 60_000);
        const poll = setInterval(() => {
          if (check()) {
            clearInterval(poll);
            clearTimeout(timer);
            resolve();
          }
        }, 20);
      });
    try {
      await until(() => output.includes('watching openapi/'), 'the watcher');
      for (const [name, change, check] of steps) {
        const changed = Date.now();
        change();
        // The run that follows the last write, then a quiet moment (no run left pending).
        await until(() => lastReport > changed && Date.now() - lastReport > 500, `a run after ${name}`);
        expect(output, name).not.toMatch(/^\S+\.yaml:\d+:\d+ /m);
        check(read('packages/client/api.md'));
        const full = await generate({ cwd: dir });
        expect(await diffOutput(dir, full), name).toEqual([]);
      }
    } finally {
      child.kill('SIGTERM');
    }
  },
  300_000,
);
