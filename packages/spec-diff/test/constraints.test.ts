// Which way a changed keyword moves the values a schema accepts, told from the
// two values (a pattern by sampling), table-driven.
import { constraintEffect } from '@scalingo-openapi/spec-diff';
import { describe, expect, test } from 'vitest';

const MILLIS = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}(Z|[+-]\\d{2}:\\d{2})$';
const ANY_PRECISION = '^\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})$';

const cases: Array<[string, { property: string; before: unknown; after: unknown; want: string | undefined }]> = [
  ['dates of any precision (issue 10)', { property: 'pattern', before: MILLIS, after: ANY_PRECISION, want: 'widened' }],
  ['dates back to milliseconds only', { property: 'pattern', before: ANY_PRECISION, after: MILLIS, want: 'narrowed' }],
  ['a pattern for another language', { property: 'pattern', before: '^[a-z]+$', after: '^[0-9]+$', want: 'changed' }],
  ['a pattern removed', { property: 'pattern', before: '^[a-z]+$', after: undefined, want: 'widened' }],
  ['a pattern added', { property: 'pattern', before: undefined, after: '^[a-z]+$', want: 'narrowed' }],
  ['maxLength raised', { property: 'maxLength', before: 48, after: 64, want: 'widened' }],
  ['maxLength lowered', { property: 'maxLength', before: 48, after: 32, want: 'narrowed' }],
  ['minimum lowered', { property: 'minimum', before: 1, after: 0, want: 'widened' }],
  ['minimum raised', { property: 'minimum', before: 1, after: 2, want: 'narrowed' }],
  ['multipleOf divided', { property: 'multipleOf', before: 10, after: 5, want: 'widened' }],
  ['multipleOf multiplied', { property: 'multipleOf', before: 5, after: 10, want: 'narrowed' }],
  ['a type added', { property: 'type', before: 'string', after: ['string', 'integer'], want: 'widened' }],
  ['integer to number', { property: 'type', before: 'integer', after: 'number', want: 'widened' }],
  ['number to integer', { property: 'type', before: 'number', after: 'integer', want: 'narrowed' }],
  ['string to integer', { property: 'type', before: 'string', after: 'integer', want: 'changed' }],
  ['additionalProperties opened', { property: 'additionalProperties', before: false, after: true, want: 'widened' }],
  [
    'additionalProperties closed',
    { property: 'additionalProperties', before: undefined, after: false, want: 'narrowed' },
  ],
  ['uniqueItems dropped', { property: 'uniqueItems', before: true, after: false, want: 'widened' }],
  [
    'a format changed: the values do not tell',
    { property: 'format', before: 'date', after: 'date-time', want: undefined },
  ],
];

describe('constraintEffect', () => {
  test.each(cases)('%s', (_, { property, before, after, want }) => {
    expect(constraintEffect(property, before, after)).toBe(want);
  });
});
