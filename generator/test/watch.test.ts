// --watch regenerates on every spec edit.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const cli = path.join(root, 'generator/dist/cli.js');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'watch-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test.skipIf(!fs.existsSync(cli))(
  'an edit to a path file regenerates api.md and the client',
  async () => {
    fs.cpSync(path.join(root, 'openapi'), path.join(dir, 'openapi'), { recursive: true });
    fs.cpSync(path.join(root, 'scripts/redocly'), path.join(dir, 'scripts/redocly'), { recursive: true });
    fs.copyFileSync(path.join(root, 'redocly.yaml'), path.join(dir, 'redocly.yaml'));
    const child = spawn(process.execPath, [cli, '--watch', '--cwd', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const until = (check: () => boolean) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out; output:\n${output}`)), 60_000);
        const poll = setInterval(() => {
          if (check()) {
            clearInterval(poll);
            clearTimeout(timer);
            resolve();
          }
        }, 20);
      });
    try {
      await until(() => output.includes('watching openapi/'));
      const file = path.join(dir, 'openapi/paths/apps/apps.yaml');
      fs.writeFileSync(
        file,
        fs.readFileSync(file, 'utf8').replace('summary: List applications', 'summary: List every application'),
      );
      const apiMd = path.join(dir, 'packages/client/api.md');
      await until(() => fs.existsSync(apiMd) && fs.readFileSync(apiMd, 'utf8').includes('List every application'));
      expect(fs.readFileSync(path.join(dir, 'packages/client/src/generated/resources/apps.ts'), 'utf8')).toContain(
        'List every application',
      );
    } finally {
      child.kill('SIGTERM');
    }
  },
  90_000,
);
