import { describe, expect, test } from 'vitest';
import { deref, isRef } from '../src/deref.js';
import { HTTP_METHODS, isHttpMethod } from '../src/methods.js';

const doc = {
  components: {
    schemas: {
      A: { $ref: '#/components/schemas/B' },
      B: { type: 'string' },
      'C/D': { type: 'integer' },
      Loop1: { $ref: '#/components/schemas/Loop2' },
      Loop2: { $ref: '#/components/schemas/Loop1' },
    },
  },
};

describe('deref', () => {
  test.each([
    ['a chain of refs', { $ref: '#/components/schemas/A' }, { type: 'string' }],
    ['an escaped name', { $ref: '#/components/schemas/C~1D' }, { type: 'integer' }],
    ['a node that is not a ref', { type: 'null' }, { type: 'null' }],
    ['a missing target', { $ref: '#/components/schemas/Nope' }, undefined],
    ['an external ref, left as is', { $ref: 'other.yaml' }, { $ref: 'other.yaml' }],
  ])('%s', (_name, node, want) => {
    expect(deref(doc, node)).toEqual(want);
  });

  test('a loop throws instead of spinning', () => {
    expect(() => deref(doc, { $ref: '#/components/schemas/Loop1' })).toThrow(/\$ref loop/);
  });

  test('isRef', () => {
    expect(isRef({ $ref: '#/x' })).toBe(true);
    expect(isRef({ $ref: 1 })).toBe(false);
    expect(isRef(null)).toBe(false);
  });
});

test('HTTP_METHODS are the eight of OpenAPI, in its order', () => {
  expect(HTTP_METHODS).toEqual(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);
  expect(isHttpMethod('patch')).toBe(true);
  expect(isHttpMethod('parameters')).toBe(false);
});
