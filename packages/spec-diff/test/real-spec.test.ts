// The real spec: against the last release and its own previous commit the
// rule holds, and a change in a multi-file source is named by the file and line
// a person edits (not a line of the bundle).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { DocumentDiff, Side } from '@scalingo-openapi/spec-diff';
import { baseSide, compare, gate, readReleases, revisionSide, worktreeSide } from '@scalingo-openapi/spec-diff';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');

function hasCommit(ref: string): boolean {
  try {
    execFileSync('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd: root, stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function expectPlacedAndAllowed(diffs: DocumentDiff[]) {
  for (const change of diffs.flatMap((d) => d.changes)) {
    expect(change.place, change.message).toBeDefined();
    expect(existsSync(path.join(root, change.place!.file)), change.place!.file).toBe(true);
  }
  expect(gate(diffs).violations.map((c) => `${c.place?.file}:${c.place?.line} ${c.message}`)).toEqual([]);
}

describe('the real spec', () => {
  let current: Side;
  beforeAll(async () => {
    current = await revisionSide(undefined, { cwd: root });
  }, 120_000);

  test('release 1.0.0 is recorded, and the spec keeps the promise since the last release', async () => {
    const releases = await readReleases(root);
    expect(releases.map((r) => r.version)).toContain('1.0.0');
    const diffs = await compare(await baseSide(undefined, { cwd: root }), current);
    expect(diffs.map((d) => d.alias).sort()).toEqual(['addon-provider', 'scalingo', 'streams']);
    expectPlacedAndAllowed(diffs);
  }, 120_000);

  test.skipIf(!hasCommit('HEAD~1'))(
    'against its own previous commit (HEAD~1, extracted with git archive)',
    async () => {
      const previous = await baseSide('HEAD~1', { cwd: root });
      try {
        expect((previous.documents.get('scalingo')?.document as { openapi?: string } | undefined)?.openapi).toBe(
          '3.1.0',
        );
        expectPlacedAndAllowed(await compare(previous, current));
      } finally {
        await previous.dispose?.();
      }
    },
    120_000,
  );

  describe('a field removed from a shared schema in a copy of the spec', () => {
    let copy: string;
    beforeAll(async () => {
      copy = await fs.mkdtemp(path.join(os.tmpdir(), 'spec-copy-'));
      for (const entry of ['openapi', 'redocly.yaml', 'scripts/redocly'])
        await fs.cp(path.join(root, entry), path.join(copy, entry), { recursive: true });
      const app = path.join(copy, 'openapi/components/schemas/App.yaml');
      const text = await fs.readFile(app, 'utf8');
      await fs.writeFile(app, text.replace(', git_url,', ',').replace(/ {2}git_url:\n( {4}.*\n)+/, ''));
    });
    afterAll(() => fs.rm(copy, { recursive: true, force: true }));

    test('is breaking, named at the line of App.yaml where it was, and where it was in the release', async () => {
      // The last release, the base `npm run diff` compares with.
      const [last] = await readReleases(root);
      const release = await baseSide(last!.version, { cwd: root });
      const diffs = await compare(release, await worktreeSide(copy, 'copy'));
      // The spec itself may have grown since the release: the copy differs from it by the one edit.
      const since = new Set(
        (await compare(release, current)).flatMap((d) => d.changes.map((c) => `${d.alias} ${c.kind} ${c.message}`)),
      );
      const scalingo = diffs.find((d) => d.alias === 'scalingo')!;
      const edited = scalingo.changes.filter((c) => !since.has(`scalingo ${c.kind} ${c.message}`));
      expect(edited.map((c) => c.kind)).toEqual(['field-removed']);
      const [change] = edited;
      const lines = (await fs.readFile(path.join(copy, 'openapi/components/schemas/App.yaml'), 'utf8')).split('\n');
      expect(change!.place).toEqual({
        file: 'openapi/components/schemas/App.yaml',
        line: lines.indexOf('properties:') + 1,
        col: 1,
      });
      expect(change!.was?.file).toBe(`openapi/releases/${last!.version}/openapi.json`);
      expect(gate(diffs).violations).toHaveLength(1);
    }, 120_000);
  });
});
