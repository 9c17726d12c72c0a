// Every example in the spec validates against its schema, with Ajv (2020-12).
import { describe, expect, test } from 'vitest';
import { specValidator } from '../support/ajv.js';
import { deref, escapePointer, loadSpec, walkSchemas, type Json } from '../support/spec.js';

const spec = await loadSpec();
const validator = specValidator(spec);

interface ExampleCase {
  where: string;
  schemaPointer: string;
  value: unknown;
}

/** Media types and parameters anywhere in the document, with their examples. */
function collect(): ExampleCase[] {
  const cases: ExampleCase[] = [];
  const visit = (node: Json, pointer: string) => {
    if (!node || typeof node !== 'object') return;
    if (node.schema && (node.examples || node.example !== undefined) && !pointer.includes('/examples/')) {
      const schemaPointer = node.schema.$ref ?? `${pointer}/schema`;
      if (node.example !== undefined) cases.push({ where: `${pointer}/example`, schemaPointer, value: node.example });
      for (const [name, example] of Object.entries<Json>(node.examples ?? {})) {
        const value = deref(spec, example).value;
        if (value !== undefined) cases.push({ where: `${pointer}/examples/${name}`, schemaPointer, value });
      }
    }
    for (const [key, value] of Object.entries<Json>(node)) {
      if (key === 'schema' || key === 'example' || key === 'examples') continue;
      visit(value, `${pointer}/${escapePointer(key)}`);
    }
  };
  visit(spec.paths, '#/paths');
  visit(spec.components, '#/components');
  visit(spec.webhooks, '#/webhooks');
  for (const { schema, pointer } of walkSchemas(spec)) {
    for (const [i, value] of (schema.examples ?? []).entries()) cases.push({ where: `${pointer}/examples/${i}`, schemaPointer: pointer, value });
  }
  return cases;
}

const cases = collect();

describe('examples', () => {
  test('there are examples to check', () => {
    expect(cases.length).toBeGreaterThan(50);
  });

  test.each(cases.map((c) => [c.where, c] as const))('%s', (_, c) => {
    expect(validator.validate(c.schemaPointer, c.value)).toEqual([]);
  });
});
