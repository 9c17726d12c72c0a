#!/usr/bin/env node
// npm run generate [-- --check | --watch] — thin CLI over generate() and write/.
// Exit codes: 0 done (or up to date), 1 --check found differences, 2 spec problems.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SpecError } from '@scalingo-openapi/spec-reader';
import { type GenerateCache, generate, PrintedDeclarations } from './generate.js';
import { watch } from './watch.js';
import { startTypesWorker } from './workers/types-renderer.js';
import { diffOutput, type Snapshot, writeOutput } from './write/write-tree.js';

const { values } = parseArgs({
  options: {
    check: { type: 'boolean', default: false },
    watch: { type: 'boolean', default: false },
    cwd: { type: 'string', default: process.cwd() },
  },
});
const cwd = path.resolve(values.cwd);
const worker = startTypesWorker();
// Kept between the runs of --watch only.
const cache: GenerateCache | undefined = values.watch ? { printed: new PrintedDeclarations() } : undefined;
const snapshot: Snapshot | undefined = values.watch ? new Map() : undefined;

async function once(): Promise<number> {
  const started = performance.now();
  const output = await generate({ cwd, renderTypes: worker.render, ...(cache ? { cache } : {}) });
  if (values.check) {
    const differences = await diffOutput(cwd, output);
    for (const d of differences) console.error(`${d.kind.padEnd(7)} ${d.file}`);
    if (differences.length > 0) {
      console.error(
        `${differences.length} generated file(s) differ from what the spec gives: run \`npm run generate\` and commit.`,
      );
      return 1;
    }
    console.log('generated files are up to date');
    return 0;
  }
  const written = await writeOutput(cwd, output, snapshot);
  const ms = (performance.now() - started).toFixed(0);
  console.log(written.length > 0 ? `generated ${written.join(', ')} in ${ms} ms` : `up to date (${ms} ms)`);
  return 0;
}

function report(error: unknown): number {
  if (error instanceof SpecError) {
    console.error(error.message);
    return 2;
  }
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  return 2;
}

if (values.watch) {
  await watch(cwd, async () => {
    try {
      await once();
    } catch (error) {
      report(error);
    }
  });
} else {
  let code: number;
  try {
    code = await once();
  } catch (error) {
    code = report(error);
  }
  // process.exit() ends the worker too. Awaiting worker.close() first would
  // hang when the run failed early: a worker still loading TypeScript in one
  // synchronous require() does not report its exit, and the loop empties
  // with the await pending (exit code 13).
  process.exit(code);
}
