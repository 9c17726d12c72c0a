// Every example in the spec validates against its schema, with Ajv (2020-12).
import { describe, expect, test } from 'vitest';
import { specValidator } from '../support/ajv.js';
import { exampleCases } from '../support/examples.js';
import { loadSpec } from '../support/spec.js';

const spec = await loadSpec();
const validator = specValidator(spec);

const cases = exampleCases(spec);

describe('examples', () => {
  test('there are examples to check', () => {
    expect(cases.length).toBeGreaterThan(50);
  });

  test.each(cases.map((c) => [c.where, c] as const))('%s', (_, c) => {
    expect(validator.validate(c.schemaPointer, c.value)).toEqual([]);
  });
});
