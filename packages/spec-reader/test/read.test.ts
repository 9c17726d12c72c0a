// The reader against a small multi-file fixture and against the real spec.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundle, loadConfig } from '@redocly/openapi-core';
import { describe, expect, test } from 'vitest';
import { readSpec } from '../src/bundle.js';
import { documents, repoRoot } from '../src/documents.js';
import { SourceLocator } from '../src/locate.js';
import { SpecError } from '../src/problems.js';
import { resolveBundle } from '../src/resolve-bundle.js';
import { operations, walkSchemas } from '../src/walk.js';

const fixture = fileURLToPath(new URL('./fixtures/multi', import.meta.url));

describe('a multi-file document', async () => {
  const spec = await readSpec('multi', { cwd: fixture });

  test('is bundled with local refs only, and lists its files', () => {
    expect(JSON.stringify(spec.document)).not.toMatch(/"\$ref":"[^#]/);
    expect(spec.files.map((f) => path.relative(fixture, f)).sort()).toEqual(
      ['Thing.yaml', 'openapi.yaml', 'paths/thing.yaml'].sort(),
    );
  });

  test('operations resolve path-level parameters', () => {
    const [entry, ...rest] = operations(spec.document);
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({ path: '/things/{id}', method: 'get', pointer: '#/paths/~1things~1{id}/get' });
    expect(entry!.parameters.map((p) => `${p.in}:${p.name}`)).toEqual(['path:id']);
  });

  test('walkSchemas escapes property names in pointers', () => {
    const pointers = [...walkSchemas(spec.document)].map((s) => s.pointer);
    expect(pointers).toContain('#/components/schemas/Thing/properties/a~1b~0c');
    expect(pointers).toContain('#/paths/~1things~1{id}/parameters/0/schema');
  });

  test.each([
    [
      'an operation, through the path item $ref',
      '#/paths/~1things~1{id}/get/operationId',
      'value',
      'paths/thing.yaml:8:16',
    ],
    ['the same, at the key', '#/paths/~1things~1{id}/get/operationId', 'key', 'paths/thing.yaml:8:3'],
    ['a component, through its $ref', '#/components/schemas/Thing/properties/a~1b~0c', 'key', 'Thing.yaml:5:3'],
    [
      'a missing node: its deepest ancestor, in the file the $ref leads to',
      '#/components/schemas/Thing/nope',
      'value',
      'Thing.yaml:1:1',
    ],
  ] as const)('locate: %s', (_name, pointer, at, want) => {
    const place = new SourceLocator(spec.rootFile, { cwd: fixture, at }).locate(pointer);
    expect(`${place.file}:${place.line}:${place.col}`).toBe(want);
  });

  test('an edited file is parsed again (the cache is keyed by content)', async () => {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'spec-reader-'));
    try {
      fs.cpSync(fixture, copy, { recursive: true });
      const before = await readSpec('multi', { cwd: copy });
      expect(before.document.components?.schemas?.Thing).toMatchObject({ properties: { name: { type: 'string' } } });
      const file = path.join(copy, 'Thing.yaml');
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('type: string', 'type: boolean'));
      const after = await readSpec('multi', { cwd: copy });
      expect(after.document.components?.schemas?.Thing).toMatchObject({ properties: { name: { type: 'boolean' } } });
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });

  test('without Redocly (fast) it is the same document', async () => {
    expect(await resolveBundle('multi', fixture)).toEqual({
      rootFile: spec.rootFile,
      document: spec.document,
      files: expect.arrayContaining(spec.files),
    });
  });

  test.each([
    ['a $ref into a fragment of another file', 'thing:\n                $ref: ../Thing.yaml#/properties/name', false],
    ['a $ref to a missing file', 'thing:\n                $ref: ../Nope.yaml', true],
  ])('fast, %s is left to Redocly (same document or same problems)', async (_name, replacement, fails) => {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'spec-reader-'));
    try {
      fs.cpSync(fixture, copy, { recursive: true });
      const file = path.join(copy, 'paths/thing.yaml');
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/thing:\n\s+\$ref: \.\.\/Thing\.yaml/, replacement));
      expect(await resolveBundle('multi', copy)).toBeUndefined();
      const redocly = readSpec('multi', { cwd: copy });
      if (fails) {
        const message = await redocly.catch((e: Error) => e.message);
        expect(message).toMatch(/^paths\/thing\.yaml:\d+:\d+ /);
        await expect(readSpec('multi', { cwd: copy, fast: true })).rejects.toThrow(message);
      } else expect((await readSpec('multi', { cwd: copy, fast: true })).document).toEqual((await redocly).document);
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });

  test('an unknown alias is a SpecError naming redocly.yaml', async () => {
    await expect(readSpec('nope', { cwd: fixture })).rejects.toThrow(SpecError);
    await expect(readSpec('nope', { cwd: fixture })).rejects.toThrow(/^redocly\.yaml:1:1 no API "nope"/);
  });
});

describe.each(Object.keys(documents))('the %s document', async (alias) => {
  const spec = await readSpec(alias);

  test('is the document Redocly bundles, key order included, again when its files come from the parse cache', async () => {
    const config = await loadConfig({ configPath: path.join(repoRoot, 'redocly.yaml') });
    const plain = await bundle({ ref: spec.rootFile, config: config.forAlias(alias) });
    const want = JSON.stringify(plain.bundle.parsed);
    expect(JSON.stringify(spec.document)).toBe(want);
    // The second read parses nothing: every file is in the cache, and the
    // first bundle (which Redocly rewrote in place) must not leak into it.
    expect(JSON.stringify((await readSpec(alias)).document)).toBe(want);
  });

  test('resolving the $refs without Redocly gives that same document, and reads the same files', async () => {
    const resolved = await resolveBundle(alias, repoRoot);
    expect(resolved, 'the fast path must cover this document').toBeDefined();
    const config = await loadConfig({ configPath: path.join(repoRoot, 'redocly.yaml') });
    const plain = await bundle({ ref: spec.rootFile, config: config.forAlias(alias) });
    expect(JSON.stringify(resolved!.document)).toBe(JSON.stringify(plain.bundle.parsed));
    expect([...resolved!.files].sort()).toEqual([...spec.files].sort());
    expect((await readSpec(alias, { fast: true })).document).toEqual(resolved!.document);
  });

  test('every $ref is local and resolves', () => {
    const refs = JSON.stringify(spec.document).match(/"\$ref":"[^"]*"/g) ?? [];
    for (const ref of refs) expect(ref).toMatch(/^"\$ref":"#\//);
    expect(path.relative(repoRoot, spec.rootFile)).toBe(documents[alias]!.root);
  });

  test('every operation has an operationId and a pointer that locates in the source', () => {
    const locator = new SourceLocator(spec.rootFile, { cwd: repoRoot, at: 'key' });
    for (const entry of operations(spec.document)) {
      expect(entry.operation.operationId, entry.pointer).toBeTruthy();
      const place = locator.locate(`${entry.pointer}/operationId`);
      expect(place.file, entry.pointer).toMatch(/^openapi\//);
    }
  });
});
