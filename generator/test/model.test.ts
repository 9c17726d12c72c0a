// The model, table-driven over a small fixture spec: envelopes, pagination,
// calling convention, services, resource tree, and problems located in the
// source as file:line:col.
import path from 'node:path';
import { SpecError } from '@scalingo-openapi/spec-reader';
import { describe, expect, test } from 'vitest';
import { loadSpec } from '../src/load/load-spec.js';
import { buildModel } from '../src/model/build-model.js';

const fixtures = path.join(import.meta.dirname, 'fixtures');
const model = buildModel(await loadSpec({ cwd: path.join(fixtures, 'mini'), alias: 'scalingo' }));
const op = (id: string) => model.operations.find((o) => o.id === id)!;

describe('model', () => {
  test.each([
    ['things.list', { kind: 'root', key: 'things', schema: { name: 'Thing', isArray: true } }],
    ['things.create', { kind: 'root', key: 'thing', schema: { name: 'Thing', isArray: false } }],
    ['things.parts.update', { kind: 'empty' }],
    ['things.scale', { kind: 'root', key: 'sizes' }],
    ['users.signIn', { kind: 'whole' }],
    ['things.export', { kind: 'raw', mediaType: 'text/csv' }],
  ])('%s: envelope', (id, envelope) => {
    expect(op(id).success.envelope).toEqual(envelope);
  });

  test('pagination: page/per_page + meta, with the per_page maximum', () => {
    expect(op('things.list').pagination).toEqual({
      itemsKey: 'things',
      item: { name: 'Thing', isArray: false },
      maxPerPage: 50,
    });
    expect(op('things.create').pagination).toBeUndefined();
  });

  test.each([
    [
      'things.list',
      {
        paramKeys: [
          { key: 'page', from: 'query', required: false },
          { key: 'per_page', from: 'query', required: false },
        ],
        hasParams: true,
        paramsOptional: true,
      },
    ],
    [
      'things.create',
      {
        paramKeys: [
          { key: 'X-Dry-Run', from: 'header', required: false },
          { key: 'thing', from: 'body', required: true },
        ],
        hasParams: true,
        paramsOptional: false,
      },
    ],
    [
      'things.parts.update',
      {
        positional: 'part_id',
        paramKeys: [
          { key: 'thing', from: 'path', required: true },
          { key: 'part', from: 'body', required: false },
        ],
        hasParams: true,
        paramsOptional: false,
      },
    ],
    ['things.scale', { positional: 'thing', paramKeys: [], hasParams: false, paramsOptional: true }],
  ])('%s: calling convention', (id, signature) => {
    expect(op(id).signature).toEqual(signature);
  });

  test('async: 202 with Location', () => {
    expect(op('things.scale').async).toBe(true);
    expect(op('things.create').async).toBe(false);
  });

  test('services from root and path-level servers', () => {
    expect(op('things.list').service).toBe('regional');
    expect(op('things.export').service).toBe('auth');
    expect(model.services.find((s) => s.name === 'regional')).toEqual({
      name: 'regional',
      urls: ['https://api.{region}.example.com/v1'],
      regions: ['eu1', 'us1'],
    });
  });

  test('security: inherited, or public', () => {
    expect(op('things.list').security).toEqual([['bearerAuth']]);
    expect(op('users.signIn').security).toEqual([]);
    expect(op('users.signIn').deprecated).toBe(true);
  });

  test('resource tree from dotted operationIds', () => {
    const things = model.resources.find((r) => r.name === 'things')!;
    expect(things.operations.map((o) => o.name)).toEqual(['create', 'export', 'list', 'scale']);
    expect(things.children.map((c) => [c.path, c.operations.map((o) => o.name)])).toEqual([
      [['things', 'parts'], ['update']],
    ]);
    expect(model.resources.map((r) => r.name)).toEqual(['things', 'users']);
  });

  test('problems name the source file, line and column', async () => {
    const error = await loadSpec({ cwd: path.join(fixtures, 'broken'), alias: 'scalingo' })
      .then(buildModel)
      .catch((e) => e);
    expect(error).toBeInstanceOf(SpecError);
    expect(error.message).toMatch(/^things\.yaml:2:3 operationId "" must be dotted/m);
    expect(error.problems[0]).toMatchObject({ file: 'things.yaml', line: 2, col: 3 });
  });

  test('a missing $ref target is reported where the $ref is', async () => {
    const error = await loadSpec({ cwd: path.join(fixtures, 'broken'), alias: 'missing' }).catch((e) => e);
    expect(error).toBeInstanceOf(SpecError);
    expect(error.message).toMatch(/redocly\.yaml:1:1 no API "missing"/);
  });
});
