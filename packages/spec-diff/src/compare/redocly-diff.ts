// Runs Redocly CLI's `diff` (experimental in 2.x, pinned) on two bundled
// documents and returns its JSON report. Redocly has no library entry point for
// it, so it runs as a process, in an empty folder so that no redocly.yaml of
// ours changes its rating: the project's policy is applied afterwards, in
// classify.ts, where it can be read and tested.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Json } from '../types.js';

const run = promisify(execFile);

export interface RedoclySide {
  pointer: string;
  value?: unknown;
}

export interface RedoclyChange {
  /** Where the change is seen, walking from an operation: `#/paths/~1apps/get/responses/200/...`. */
  path: string;
  typeName: string;
  kind: 'added' | 'removed' | 'modified';
  impact: 'major' | 'minor' | 'patch';
  property?: string;
  verdicts?: Array<{ ruleId: string; impact: string; message: string }>;
  /** Where the thing is written in each document (`#/components/schemas/App/...`). */
  base?: RedoclySide;
  revision?: RedoclySide;
}

export interface RedoclyReport {
  reportVersion: string;
  changes: RedoclyChange[];
}

const cli = path.join(path.dirname(createRequire(import.meta.url).resolve('@redocly/cli/package.json')), 'bin/cli.js');

export async function redoclyDiff(base: Json, revision: Json): Promise<RedoclyReport> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'spec-diff-'));
  try {
    await fs.writeFile(path.join(dir, 'base.json'), JSON.stringify(base));
    await fs.writeFile(path.join(dir, 'revision.json'), JSON.stringify(revision));
    const args = [
      'diff',
      'base.json',
      'revision.json',
      '--format',
      'json',
      '--output',
      'report.json',
      '--fail-on',
      'none',
    ];
    await run(process.execPath, [cli, ...args], {
      cwd: dir,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      maxBuffer: 64 * 1024 * 1024,
    }).catch((error: { stderr?: string; message: string }) => {
      throw new Error(`redocly diff failed: ${(error.stderr || error.message).trim()}`);
    });
    const report = JSON.parse(await fs.readFile(path.join(dir, 'report.json'), 'utf8')) as RedoclyReport;
    // The format is experimental: fail loudly rather than misread a new one.
    if (report.reportVersion !== '1' || !Array.isArray(report.changes)) {
      throw new Error(
        `redocly diff: unexpected report version ${String(report.reportVersion)}; see packages/spec-diff/src/compare/redocly-diff.ts`,
      );
    }
    return report;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
