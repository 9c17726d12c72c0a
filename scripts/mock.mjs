// npm run mock [-- --port 4010 --host 127.0.0.1 --document scalingo|addon-provider|streams|<file> --dynamic --log]
// Thin glue over the scalingo-mock bin of packages/mock (npm run build first):
// a document named by its alias is bundled again from openapi/, so an edit to
// the spec shows without rebuilding the package.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { bundleSpec, documents, repoRoot, writeAtomic } from '@scalingo-openapi/spec-reader';

const args = process.argv.slice(2);
const { values } = parseArgs({ args, strict: false, options: { document: { type: 'string', default: 'scalingo' } } });
let forwarded = args;
const alias = String(values.document);
const known = documents[alias];
if (known) {
  const file = path.join(repoRoot, 'dist', 'mock', `${known.output}.json`);
  await writeAtomic(file, JSON.stringify(await bundleSpec(alias)));
  forwarded = [
    ...args.filter((arg, i) => arg !== '--document' && args[i - 1] !== '--document' && !arg.startsWith('--document=')),
    '--document',
    file,
  ];
}
const mock = spawn(process.execPath, [path.join(repoRoot, 'packages/mock/dist/cli.js'), ...forwarded], {
  stdio: 'inherit',
});
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) process.on(signal, () => mock.kill(signal));
mock.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
