// npm run mock [-- --port 4010 [--host 127.0.0.1] [--document addon-provider]]
// Bundles the spec (so Prism sees HEAD and every decorator) and serves it with
// Prism until stopped. Prism validates requests against the spec.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { bundleSpec, documents, repoRoot } from '@scalingo-openapi/spec-reader';
import { writeAtomic } from './lib/write-atomic.mjs';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '4010' },
    host: { type: 'string', default: '127.0.0.1' },
    document: { type: 'string', default: 'scalingo' },
    dynamic: { type: 'boolean', default: false },
  },
});
if (!documents[values.document]) {
  console.error(`Unknown document "${values.document}" (known: ${Object.keys(documents).join(', ')})`);
  process.exit(2);
}
const file = path.join(repoRoot, 'dist', 'mock', `${documents[values.document].output}.json`);
await writeAtomic(file, JSON.stringify(await bundleSpec(values.document)));

const prism = spawn(
  process.execPath,
  [
    path.join(repoRoot, 'node_modules/@stoplight/prism-cli/dist/index.js'),
    'mock',
    file,
    '--host',
    values.host,
    '--port',
    values.port,
    ...(values.dynamic ? ['--dynamic'] : []),
  ],
  { stdio: 'inherit' },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => prism.kill(signal));
prism.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
