// The pure pieces of a release: version edits that leave the rest of a file
// alone, the changelog entry and where it goes, the gate's rule; and the
// package type-checks.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Change, DocumentDiff } from '@scalingo-openapi/spec-diff';
import {
  bumpPackageJson,
  compareVersions,
  gate,
  HEADER,
  insertEntry,
  releaseProblems,
  renderEntry,
  setInfoVersion,
} from '@scalingo-openapi/spec-diff';
import { describe, expect, test } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');

const change = (kind: Change['kind'], message: string, breaking = false, operation?: string): Change => ({
  document: 'scalingo',
  kind,
  breaking,
  message,
  pointer: '#/x',
  ...(operation ? { operation } : {}),
});
const diff = (changes: Change[], baseVersion = '1.0.0', revisionVersion = '1.0.0'): DocumentDiff => ({
  alias: 'scalingo',
  baseVersion,
  revisionVersion,
  changes,
});

describe('versions', () => {
  test('setInfoVersion changes the version and nothing else', () => {
    const yaml = '# root\nopenapi: 3.1.0\ninfo:\n  title: T # keep\n  version: 1.0.0 # the version\npaths: {}\n';
    expect(setInfoVersion(yaml, '1.1.0')).toBe(yaml.replace('version: 1.0.0', 'version: 1.1.0'));
  });

  test('bumpPackageJson sets the version and internal dependencies, keeping the layout', () => {
    const text =
      '{\n  "name": "@s/server",\n  "version": "1.0.0",\n  "files": ["dist"],\n  "dependencies": {\n    "@s/client": "1.0.0",\n    "ajv": "8.20.0"\n  }\n}\n';
    expect(bumpPackageJson(text, '1.1.0', ['@s/client', '@s/server'])).toBe(
      text.replace('"version": "1.0.0"', '"version": "1.1.0"').replace('"@s/client": "1.0.0"', '"@s/client": "1.1.0"'),
    );
  });

  test.each([
    ['1.1.0', '1.0.0', 1],
    ['1.0.0', '1.0.0', 0],
    ['1.9.0', '1.10.0', -1],
    ['2.0.0-rc.1', '2.0.0', -1],
  ])('compareVersions(%s, %s) = %i', (a, b, want) => expect(compareVersions(a, b)).toBe(want));
});

describe('changelog', () => {
  const entry = renderEntry('1.1.0', '2030-01-02', [
    diff([
      change('operation-added', 'New operation `GET /apps/{app}/widgets`.', false, 'GET /apps/{app}/widgets'),
      change('operation-added', 'New operation `HEAD /apps/{app}/widgets`.', false, 'HEAD /apps/{app}/widgets'),
      change('deprecated', 'Operation `GET /apps` is deprecated.'),
      change('documentation', 'Operation `GET /apps`: `description` changed.'),
      change('response-type-narrowed', 'Field `url` of `App`: `maxLength` was set.'),
    ]),
  ]);

  test('an entry: dated heading, bullets grouped Added / Changed / Deprecated, HEAD twins folded', () => {
    expect(entry).toBe(
      [
        '## 1.1.0 — 2030-01-02',
        '',
        '### Added',
        '',
        '- New operation `GET /apps/{app}/widgets`.',
        '',
        '### Changed',
        '',
        '- Field `url` of `App`: `maxLength` was set.',
        '- Descriptions and examples reworded in 1 place.',
        '',
        '### Deprecated',
        '',
        '- Operation `GET /apps` is deprecated.',
        '',
      ].join('\n'),
    );
  });

  test('a new entry goes above the newest one, under the header', () => {
    const before = `${HEADER}\n## 1.0.0 — 2026-11-29\n\n### Added\n\n- First.\n`;
    const after = insertEntry(before, entry);
    expect(after.startsWith(HEADER)).toBe(true);
    expect(after.indexOf('## 1.1.0')).toBeLessThan(after.indexOf('## 1.0.0'));
    expect(after.endsWith('- First.\n')).toBe(true);
  });
});

describe('the rule', () => {
  const removed = change('field-removed', 'Field `git_url` of `App` was removed.', true);

  test('a breaking change fails unless the major version moves', () => {
    expect(gate([diff([removed])]).violations).toEqual([removed]);
    expect(gate([diff([removed], '1.4.0', '2.0.0')])).toEqual({ violations: [], allowed: [removed] });
  });

  test('a release refuses a version that is not after the last, or a minor bump over a breaking change', () => {
    const releases = [{ version: '1.1.0', date: '2030-01-02', tag: 'v1.1.0', snapshot: 'openapi/releases/1.1.0' }];
    expect(releaseProblems('1.0.5', releases, [])).toEqual(['1.0.5 is not after the last release, 1.1.0']);
    expect(releaseProblems('1.2.0', releases, [diff([removed], '1.1.0')])[0]).toContain(
      'only a major version (2.0.0) may bring',
    );
    expect(releaseProblems('2.0.0', releases, [diff([removed], '1.1.0')])).toEqual([]);
  });
});

test('the package type-checks (tsc --noEmit, strict), as its build does', async () => {
  await promisify(execFile)(
    process.execPath,
    [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'packages/spec-diff', '--noEmit'],
    { cwd: root },
  );
}, 120_000);
