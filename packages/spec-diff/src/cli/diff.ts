#!/usr/bin/env node
// npm run diff [-- <base>] [--revision <spec>] [--format text|json|markdown] [--verbose]
// Compares the spec with a base (default: the last recorded release) and
// classifies every change. Exit codes: 0 no breaking change (or all allowed by
// a major version change), 1 breaking changes without one, 2 could not compare.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { compare } from '../compare/compare.js';
import { baseSide, revisionSide, SideError } from '../load/spec-sources.js';
import { renderEntry } from '../report/changelog.js';
import { formatReport } from '../report/format-report.js';
import { gate } from '../report/gate.js';
import type { Side } from '../types.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    revision: { type: 'string' },
    document: { type: 'string' },
    format: { type: 'string', default: 'text' },
    verbose: { type: 'boolean', default: false },
    cwd: { type: 'string', default: process.cwd() },
  },
});
const cwd = path.resolve(values.cwd);
const sides: Side[] = [];

async function main(): Promise<number> {
  const options = { cwd, ...(values.document ? { document: values.document } : {}) };
  const base = await baseSide(positionals[0], options);
  sides.push(base);
  const revision = await revisionSide(values.revision, options);
  sides.push(revision);
  const diffs = await compare(base, revision);
  const { violations } = gate(diffs);
  if (values.format === 'json') {
    console.log(
      JSON.stringify(
        { base: base.label, revision: revision.label, documents: diffs, violations: violations.length },
        null,
        2,
      ),
    );
  } else if (values.format === 'markdown') {
    // What the next release's changelog entry would say.
    console.log(renderEntry('Unreleased', new Date().toISOString().slice(0, 10), diffs));
  } else {
    console.log(formatReport(base.label, revision.label, diffs, { verbose: values.verbose }));
  }
  return violations.length > 0 ? 1 : 0;
}

let code: number;
try {
  code = await main();
} catch (error) {
  console.error(
    error instanceof SideError
      ? `diff: ${error.message}`
      : error instanceof Error
        ? (error.stack ?? error.message)
        : String(error),
  );
  code = 2;
} finally {
  await Promise.all(sides.map((side) => side.dispose?.()));
}
process.exit(code!);
