// emit/schema-types.ts: openapi-typescript's types of the document, and the
// component aliases the client's signatures prefer.
import { describe, expect, test } from 'vitest';
import { schemaAliases } from '../../src/emit/schema-types.js';
import { aliases, types } from './fixture.js';

describe('schema types', () => {
  test('the document renders with root aliases of every component schema', () => {
    expect(types).toContain("export type Thing = components['schemas']['Thing'];");
    expect(types).toContain('"things.retrieve": {');
    expect([...aliases].sort()).toEqual(['Error', 'Thing']);
  });

  test.each([
    ['an alias of its own name', "export type App = components['schemas']['App'];", ['App']],
    ['a renamed alias is not one', "export type SchemaApp = components['schemas']['App'];", []],
    ['other exports are not', 'export type paths = Record<string, never>;\nexport interface components {}', []],
  ])('schemaAliases: %s', (_, given, want) => {
    expect([...schemaAliases(given)]).toEqual(want);
  });
});
