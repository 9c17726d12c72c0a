// The 422 envelope's keys come from Ajv's instancePath, a JSON pointer: its
// segments are unescaped (`~1` is `/`, `~0` is `~`) before they name a field.
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, test } from 'vitest';
import { fieldErrors } from '../src/runtime/field-errors.js';

const ajv = new Ajv2020({ allErrors: true });
const validate = ajv.compile({
  type: 'object',
  properties: {
    app: {
      type: 'object',
      properties: {
        name: { type: 'string' },
        'a/b': { type: 'string' },
        'x~y': { type: 'integer' },
        '~1': { type: 'boolean' },
      },
      required: ['name'],
    },
  },
});

function errorsOf(body: unknown): Record<string, string[]> {
  expect(validate(body)).toBe(false);
  return fieldErrors(validate.errors ?? [], 'body', 'app');
}

describe('fieldErrors names fields by their unescaped pointer segments', () => {
  test.each([
    ['a plain field', { app: { name: 1 } }, { name: ['should be a string'] }],
    ['a slash', { app: { name: 'n', 'a/b': 2 } }, { 'a/b': ['should be a string'] }],
    ['a tilde', { app: { name: 'n', 'x~y': 'no' } }, { 'x~y': ['should be an integer'] }],
    ['a tilde before a one', { app: { name: 'n', '~1': 'no' } }, { '~1': ['should be a boolean'] }],
    ['a missing field', { app: {} }, { name: ["can't be blank"] }],
  ])('%s', (_name, body, want) => {
    expect(errorsOf(body)).toEqual(want);
  });
});
