// Every example of a bundled document, with the schema it must satisfy:
// media types and parameters anywhere, and the `examples` of every schema.
import { deref, escapePointer, type Json, walkSchemas } from './spec.js';

export interface ExampleCase {
  where: string;
  schemaPointer: string;
  value: unknown;
}

export function exampleCases(spec: Json): ExampleCase[] {
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
    for (const [i, value] of (schema.examples ?? []).entries())
      cases.push({ where: `${pointer}/examples/${i}`, schemaPointer: pointer, value });
  }
  return cases;
}
