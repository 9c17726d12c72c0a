// emit/literal.ts: the one printer of JavaScript literals.
import { describe, expect, test } from 'vitest';
import { printLiteral, quote } from '../../src/emit/literal.js';

describe('printLiteral', () => {
  test.each([
    ['a string, single-quoted and escaped', { given: "it's a \\ path\n", want: "'it\\'s a \\\\ path\\n'" }],
    ['numbers, booleans and null as written', { given: [1, true, null], want: '[\n  1,\n  true,\n  null,\n]' }],
    ['an empty array and object', { given: { a: [], b: {} }, want: '{\n  a: [],\n  b: {},\n}' }],
    ['a short object of scalars on one line', { given: { app: 'my-shop-prod' }, want: "{ app: 'my-shop-prod' }" }],
    [
      'a long object of scalars broken',
      {
        given: { name: 'a-rather-long-application-name', region: 'osc-secnum-fr1', n: 1 },
        want: "{\n  name: 'a-rather-long-application-name',\n  region: 'osc-secnum-fr1',\n  n: 1,\n}",
      },
    ],
    [
      'keys that are not identifiers quoted',
      { given: { 'X-Dry-Run': true, per_page: 2 }, want: "{ 'X-Dry-Run': true, per_page: 2 }" },
    ],
    [
      'nested values indented',
      {
        given: { app: { name: 'x', tags: ['a'] } },
        want: "{\n  app: {\n    name: 'x',\n    tags: [\n      'a',\n    ],\n  },\n}",
      },
    ],
  ])('%s', (_, { given, want }) => {
    expect(printLiteral(given)).toBe(want);
  });

  test.each([
    [
      'an operation spec on one line',
      {
        given: { id: 'apps.list', envelope: { kind: 'root', key: 'apps' }, security: [['basicAuth']] },
        want: "{ id: 'apps.list', envelope: { kind: 'root', key: 'apps' }, security: [['basicAuth']] }",
      },
    ],
    ['empty containers', { given: { query: [], body: {} }, want: '{ query: [], body: {} }' }],
  ])('inline: %s', (_, { given, want }) => {
    expect(printLiteral(given, { inline: true })).toBe(want);
  });

  test('the indent is that of the line the literal starts on', () => {
    expect(printLiteral({ a: { b: [1] } }, { indent: '    ' })).toBe(
      '{\n      a: {\n        b: [\n          1,\n        ],\n      },\n    }',
    );
  });

  test('quote() is the string case', () => {
    expect(quote("a'b")).toBe(printLiteral("a'b"));
  });
});
