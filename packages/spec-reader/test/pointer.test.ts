import { describe, expect, test } from 'vitest';
import { escapeSegment, operationPointer, pointerGet, pointerOf, segmentsOf, unescapeSegment } from '../src/pointer.js';

describe('pointer segments', () => {
  test.each([
    ['plain', { raw: 'apps', escaped: 'apps' }],
    ['slash', { raw: '/apps/{app}', escaped: '~1apps~1{app}' }],
    ['tilde', { raw: 'a~b', escaped: 'a~0b' }],
    ['tilde then one', { raw: '~1', escaped: '~01' }],
    ['slash and tilde', { raw: 'x/~', escaped: 'x~1~0' }],
  ])('%s: escape and unescape are inverse', (_name, { raw, escaped }) => {
    expect(escapeSegment(raw)).toBe(escaped);
    expect(unescapeSegment(escaped)).toBe(raw);
  });

  test.each([
    ['#/paths/~1apps/get', ['paths', '/apps', 'get']],
    ['/components/schemas/A~0B', ['components', 'schemas', 'A~B']],
    ['#', []],
    ['#/paths/~1apps~1%7Bapp%7D', ['paths', '/apps/{app}']],
    ['#/bad%escape', ['bad%escape']],
  ])('segmentsOf(%s)', (pointer, want) => {
    expect(segmentsOf(pointer)).toEqual(want);
  });

  test('pointerOf and operationPointer', () => {
    expect(pointerOf(['paths', '/apps', 'get'])).toBe('#/paths/~1apps/get');
    expect(pointerOf(['items', 0])).toBe('#/items/0');
    expect(operationPointer('/apps/{app}', 'GET')).toBe('#/paths/~1apps~1{app}/get');
  });
});

describe('pointerGet', () => {
  const doc = { paths: { '/a~b': { get: { ok: true } } }, list: [10, 20] };
  test.each([
    ['#/paths/~1a~0b/get/ok', true],
    ['#/list/1', 20],
    ['#/paths/missing/get', undefined],
    ['#/list/1/deeper', undefined],
  ])('%s', (pointer, want) => {
    expect(pointerGet(doc, pointer)).toBe(want);
  });
});
