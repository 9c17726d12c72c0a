#!/usr/bin/env node
// npm run docs [-- <outDir>] — builds the docs site into dist/site/ (or
// <outDir>, relative to the repository root): reference, guides, changelog,
// downloads. Exit code 1 and the reason on stderr when anything fails; the
// previous site is then left untouched.
import path from 'node:path';
import { repoRoot } from '@scalingo-openapi/spec-reader';
import { buildSite } from './build-site.mjs';

process.env.REDOCLY_TELEMETRY = 'off';
const outDir = path.resolve(repoRoot, process.argv[2] ?? 'dist/site');
try {
  const started = Date.now();
  const { files, changelog } = await buildSite({ outDir });
  console.log(
    `docs: ${path.relative(process.cwd(), outDir) || '.'}/ — ${files.length} pages and files, changelog from ${changelog} (${Date.now() - started} ms)`,
  );
} catch (error) {
  console.error(`docs: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
