// What a consumer pays in type-checking: strict tsc over a small consumer of
// our client (resource client, standalone functions) beside a bare
// openapi-fetch consumer of the same spec's types, with and without
// skipLibCheck. The consumers live under dist/bench/ so they resolve the
// workspace packages as a user's project resolves installed ones (the built
// .d.ts files). Reports tsc's own total time, median of runs.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { median, repoRoot } from './util.mjs';

const RUNS = Number(process.env.BENCH_TSC_RUNS ?? 3);
const tsc = path.join(repoRoot, 'node_modules/typescript/bin/tsc');

/** @type {Record<string, string>} */
const CONSUMERS = {
  'our resource client': `import { createClient, type Schema } from '@scalingo-openapi/client';
const client = createClient({ token: process.env.SCALINGO_API_TOKEN });
const apps: Schema.App[] = await client.apps.list();
const app: Schema.App = await client.apps.retrieve(apps[0]!.name);
console.log(app.name);`,
  'our funcs entry': `import { createCoreClient, type Schema } from '@scalingo-openapi/client/core';
import { appsList, appsRetrieve } from '@scalingo-openapi/client/funcs';
const core = createCoreClient({ token: process.env.SCALINGO_API_TOKEN });
const apps: Schema.App[] = await appsList(core);
const app: Schema.App = await appsRetrieve(core, apps[0]!.name);
console.log(app.name);`,
  'bare openapi-fetch on the same types': `import createClient from 'openapi-fetch';
import type { paths, App } from '@scalingo-openapi/client/schema';
const client = createClient<paths>({ baseUrl: 'https://api.osc-fr1.scalingo.com/v1' });
const apps: App[] = (await client.GET('/apps')).data!.apps;
const app: App = (await client.GET('/apps/{app}', { params: { path: { app: apps[0]!.name } } })).data!.app;
console.log(app.name);`,
};

/** @param {string} dir */
function totalSeconds(dir) {
  const result = spawnSync(process.execPath, [tsc, '-p', dir, '--extendedDiagnostics'], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`tsc failed in ${dir}:\n${result.stdout}${result.stderr}`);
  return Number(/Total time:\s+([\d.]+)s/.exec(result.stdout)?.[1]);
}

/** @returns {Record<string, Record<string, number>>} */
export function benchTypecheck() {
  const root = path.join(repoRoot, 'dist/bench/typecheck');
  fs.rmSync(root, { recursive: true, force: true });
  /** @type {Record<string, Record<string, number>>} */
  const results = {};
  for (const [name, source] of Object.entries(CONSUMERS)) {
    /** @type {Record<string, number>} */
    const modes = {};
    results[name] = modes;
    for (const skipLibCheck of [false, true]) {
      const dir = path.join(root, `${name.replace(/\W+/g, '-')}${skipLibCheck ? '-skip' : ''}`);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'consumer.ts'), `${source}\nexport {};\n`);
      const compilerOptions = {
        strict: true,
        noEmit: true,
        skipLibCheck,
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        lib: ['ES2022', 'DOM', 'DOM.Iterable'],
        types: ['node'],
      };
      fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['consumer.ts'] }));
      fs.writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }\n');
      const times = Array.from({ length: RUNS }, () => totalSeconds(dir) * 1000);
      modes[skipLibCheck ? 'skipLibCheck' : 'full check'] = median(times);
    }
  }
  return results;
}
