// What a user of the published packages gets: every public workspace package
// packed with `npm pack`, installed from those tarballs into a project outside
// the workspace, and the two bins started there — scalingo-mock and
// scalingo-sandbox — driven by the client from its tarball with one baseUrl.
// Needs `npm run build` (the tarballs carry dist/). Bounded: every step has a
// timeout, and the whole file runs in a few minutes at most.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const TOKEN = 'tk-us-tarball-test';

interface Workspace {
  dir: string;
  name: string;
  bin?: Record<string, string>;
  private?: boolean;
}

let work: string;
let project: string;
let publics: Workspace[];
const running: ChildProcess[] = [];

async function workspaces(): Promise<Workspace[]> {
  const rootPackage = JSON.parse(await fs.readFile(path.join(root, 'package.json'), 'utf8'));
  const dirs: string[] = [];
  for (const glob of rootPackage.workspaces as string[]) {
    if (!glob.endsWith('/*')) dirs.push(glob);
    else
      for (const name of await fs.readdir(path.join(root, glob.slice(0, -2))))
        dirs.push(`${glob.slice(0, -2)}/${name}`);
  }
  const found: Workspace[] = [];
  for (const dir of dirs) {
    const file = path.join(root, dir, 'package.json');
    if (existsSync(file)) found.push({ dir, ...JSON.parse(await fs.readFile(file, 'utf8')) });
  }
  return found;
}

/** Starts an installed bin and resolves with the URL it prints once listening. */
function startBin(bin: string, args: string[]): Promise<string> {
  const child = spawn(path.join(project, 'node_modules/.bin', bin), args, {
    cwd: project,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${bin} did not listen within 150 s:\n${output}`)), 150_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve(url);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${bin} exited with ${code}:\n${output}`));
    });
  });
}

/** Runs a script in the consumer project, with the packages as it installed them. */
async function consumer(script: string, args: string[] = []): Promise<unknown> {
  const file = path.join(project, `script-${Math.random().toString(36).slice(2)}.mjs`);
  await fs.writeFile(file, script);
  const { stdout } = await run(process.execPath, [file, ...args], { cwd: project, timeout: 60_000 });
  return JSON.parse(stdout);
}

beforeAll(async () => {
  publics = (await workspaces()).filter((w) => !w.private);
  for (const w of publics) {
    if (!existsSync(path.join(root, w.dir, 'dist')))
      throw new Error(`${w.dir}/dist is missing: run npm run build first`);
  }
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'scalingo-tarballs-'));
  project = path.join(work, 'project');
  await fs.mkdir(project);
  const packed = await run(
    NPM,
    ['pack', '--json', '--pack-destination', work, ...publics.flatMap((w) => ['--workspace', w.dir])],
    { cwd: root, timeout: 120_000, maxBuffer: 64 * 1024 * 1024 },
  );
  const tarballs = (JSON.parse(packed.stdout) as Array<{ filename: string }>).map((p) => path.join(work, p.filename));
  await fs.writeFile(
    path.join(project, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
  );
  // Install scripts off: better-sqlite3 would compile SQLite for minutes on a
  // small machine, and Prism's analytics would phone home. The addon is then
  // taken from the workspace's own build of the same version, or built.
  await run(
    NPM,
    ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', ...tarballs],
    {
      cwd: project,
      timeout: 240_000,
      env: { ...process.env, npm_config_workspaces: 'false' },
    },
  );
  const version = async (dir: string) =>
    JSON.parse(await fs.readFile(path.join(dir, 'better-sqlite3/package.json'), 'utf8')).version;
  const addon = 'better-sqlite3/build/Release/better_sqlite3.node';
  if (
    (await version(path.join(root, 'node_modules'))) === (await version(path.join(project, 'node_modules'))) &&
    existsSync(path.join(root, 'node_modules', addon))
  ) {
    await fs.mkdir(path.dirname(path.join(project, 'node_modules', addon)), { recursive: true });
    await fs.copyFile(path.join(root, 'node_modules', addon), path.join(project, 'node_modules', addon));
  } else {
    await run(NPM, ['rebuild', 'better-sqlite3'], { cwd: project, timeout: 600_000 });
  }
}, 900_000);

afterAll(async () => {
  await Promise.all(
    running.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
        }),
    ),
  );
  if (work) await fs.rm(work, { recursive: true, force: true });
}, 30_000);

describe('the published packages, installed from their tarballs outside the workspace', () => {
  test('the project is outside the workspace and holds no link into it', async () => {
    expect(path.relative(root, project).startsWith('..')).toBe(true);
    for (const w of publics) {
      const installed = path.join(project, 'node_modules', w.name);
      expect((await fs.lstat(installed)).isSymbolicLink(), w.name).toBe(false);
    }
    expect(publics.map((w) => w.name).sort()).toEqual(
      expect.arrayContaining([
        '@scalingo-openapi/client',
        '@scalingo-openapi/mock',
        '@scalingo-openapi/sandbox',
        '@scalingo-openapi/server',
      ]),
    );
  });

  test('no published package needs a private workspace package: what they use of spec-reader is in their dist', async () => {
    const privates = (await workspaces()).filter((w) => w.private).map((w) => w.name);
    expect(privates).toContain('@scalingo-openapi/spec-reader');
    const named = (text: string) => privates.filter((name) => new RegExp(`['"]${name}(?=['"/])`).test(text));
    for (const w of publics) {
      const dir = path.join(project, 'node_modules', w.name);
      const manifest = JSON.parse(await fs.readFile(path.join(dir, 'package.json'), 'utf8'));
      // devDependencies are the build's (spec-reader for the server and the mock): npm never installs a dependency's.
      for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies'])
        expect(
          Object.keys(manifest[field] ?? {}).filter((name) => privates.includes(name)),
          `${w.name} ${field}`,
        ).toEqual([]);
      const files = (await fs.readdir(dir, { recursive: true })).filter(
        (f) => /\.(m?js|d\.ts)$/.test(f) && !f.split(path.sep).includes('node_modules'),
      );
      expect(files.length, w.name).toBeGreaterThan(0);
      for (const file of files)
        expect(named(await fs.readFile(path.join(dir, file), 'utf8')), `${w.name}/${file}`).toEqual([]);
    }
    for (const name of privates) expect(existsSync(path.join(project, 'node_modules', name)), name).toBe(false);
    expect(
      ['server/dist/inlined/spec-reader/pointer.js', 'mock/dist/inlined/spec-reader/methods.js'].filter(
        (file) => !existsSync(path.join(project, 'node_modules/@scalingo-openapi', file)),
      ),
    ).toEqual([]);
    // The copies load and answer as spec-reader does: every method, `trace` too, is moved under the base path.
    const moved = await consumer(`
      import { mockDocument } from '@scalingo-openapi/mock';
      import { scalingoApi } from '@scalingo-openapi/server';
      const document = mockDocument({
        servers: [{ url: 'https://api.example.test/v1' }],
        paths: { '/things': { summary: 'things', get: {}, trace: {} } },
      });
      console.log(JSON.stringify({ paths: document.paths, plugin: typeof scalingoApi }));
    `);
    expect(moved).toEqual({ paths: { '/v1/things': { summary: 'things', get: {}, trace: {} } }, plugin: 'function' });
  });

  test('the mock package carries the bundled documents, JSON and YAML, as its exports name them', async () => {
    const documents = await consumer(`
      import { createRequire } from 'node:module';
      import fs from 'node:fs';
      const require = createRequire(import.meta.url);
      const names = ['openapi', 'addon-provider', 'streams'];
      const out = {};
      for (const name of names) {
        const json = JSON.parse(fs.readFileSync(require.resolve('@scalingo-openapi/mock/' + name + '.json'), 'utf8'));
        const yaml = fs.readFileSync(require.resolve('@scalingo-openapi/mock/' + name + '.yaml'), 'utf8');
        out[name] = { openapi: json.openapi, paths: Object.keys(json.paths).length, yaml: yaml.startsWith('openapi: 3.1') };
      }
      console.log(JSON.stringify(out));
    `);
    const spec = JSON.parse(await fs.readFile(path.join(root, 'dist/openapi.json'), 'utf8'));
    expect(documents).toEqual({
      openapi: { openapi: spec.openapi, paths: Object.keys(spec.paths).length, yaml: true },
      'addon-provider': { openapi: expect.stringMatching(/^3\.1/), paths: expect.any(Number), yaml: true },
      streams: { openapi: expect.stringMatching(/^3\.1/), paths: expect.any(Number), yaml: true },
    });
  });

  test('scalingo-mock --help and a bad option answer without starting', async () => {
    const bin = path.join(project, 'node_modules/.bin/scalingo-mock');
    expect((await run(bin, ['--help'], { cwd: project, timeout: 30_000 })).stdout).toMatch(/^Usage: scalingo-mock/);
    await expect(run(bin, ['--port', 'x'], { cwd: project, timeout: 30_000 })).rejects.toMatchObject({ code: 2 });
  });

  test('one baseUrl drives the mock and the sandbox with the client from its tarball', async () => {
    const [mock, sandbox] = await Promise.all([
      startBin('scalingo-mock', ['--port', '0']),
      startBin('scalingo-sandbox', ['--port', '0', '--token', TOKEN]),
    ]);
    const script = `
      import { createClient, NotFoundError } from '@scalingo-openapi/client';
      const [baseUrl, target] = process.argv.slice(2);
      const client = createClient({ token: '${TOKEN}', databaseToken: 'db-token', baseUrl, retry: { maxRetries: 0 } });
      const out = { baseUrl: await client.baseUrl('regional') };
      if (target === 'sandbox') {
        await client.apps.create({ app: { name: 'from-a-tarball' } });
        // The server's field errors read Ajv's JSON pointers with spec-reader's inlined helper.
        out.invalid = await client.apps.create({ app: { name: 'Not A Name!' } }).then(
          () => 'created',
          (error) => [error.status, Object.keys(error.errors ?? {})],
        );
      }
      out.apps = (await client.apps.list()).map((app) => app.name);
      if (target === 'mock') out.database = (await client.db.databases.retrieve('ad-2c8e5f71-0a4b-4d93-b6e2-9f1a3c5d7e80')).id;
      try {
        await client.apps.retrieve('no-such-app-here');
        out.missing = 'found';
      } catch (error) {
        out.missing = error instanceof NotFoundError ? error.status : String(error);
      }
      console.log(JSON.stringify(out));
    `;
    const fromMock = (await consumer(script, [mock, 'mock'])) as Record<string, unknown>;
    expect(fromMock.baseUrl).toBe(`${mock}/v1`);
    expect(fromMock.apps).toEqual(expect.arrayContaining([expect.any(String)]));
    expect(fromMock.database).toBe('ad-2c8e5f71-0a4b-4d93-b6e2-9f1a3c5d7e80');
    // Prism answers the example whatever the name; the sandbox knows better.
    expect(fromMock.missing).toBe('found');
    const fromSandbox = (await consumer(script, [sandbox, 'sandbox'])) as Record<string, unknown>;
    expect(fromSandbox).toEqual({
      baseUrl: `${sandbox}/v1`,
      invalid: [422, ['name']],
      apps: ['from-a-tarball'],
      missing: 404,
    });

    // The installed mock answers the real URLs, and its own errors in the API's envelopes.
    const unknown = await fetch(`${mock}/v1/no-such-route`);
    expect([unknown.status, await unknown.json()]).toEqual([404, { resource: 'route', error: 'not found' }]);
    const anonymous = await fetch(`${mock}/v1/apps`);
    expect(anonymous.status).toBe(401);
    expect(typeof (await anonymous.json()).error).toBe('string');
  }, 240_000);
});
