// npm run docs [-- <outDir>] — renders the reference with Redocly into dist/site/.
// Redoc is inlined (no CDN) and its telemetry is switched off.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { stringify } from 'yaml';
import { bundleSpec, repoRoot } from './lib/spec.mjs';
import { writeAtomic } from './lib/write-atomic.mjs';

const outDir = path.resolve(repoRoot, process.argv[2] ?? 'dist/site');
const spec = await bundleSpec('scalingo');
await writeAtomic(path.join(outDir, 'openapi.json'), `${JSON.stringify(spec, null, 2)}\n`);
await writeAtomic(path.join(outDir, 'openapi.yaml'), stringify(spec, { lineWidth: 0 }));

const temporary = path.join(outDir, `.index.${process.pid}.html`);
execFileSync(
  process.execPath,
  [
    path.join(repoRoot, 'node_modules/@redocly/cli/bin/cli.js'),
    'build-docs', path.join(outDir, 'openapi.json'),
    '--output', temporary,
    '--inlineBundle',
    '--openapi.disableTelemetry=true',
    '--title', 'Scalingo API v1 reference',
  ],
  { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } },
);
const { rename } = await import('node:fs/promises');
await rename(temporary, path.join(outDir, 'index.html'));
console.log(`docs: ${path.relative(repoRoot, outDir)}/index.html`);
