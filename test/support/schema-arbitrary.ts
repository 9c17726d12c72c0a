// fast-check arbitraries generated from the spec's JSON Schemas, for
// property-based requests: values that follow a schema (bounded in size),
// and values that are anything at all.
import fc from 'fast-check';
import { deref, type Json } from './spec.js';

const FORMATS: Record<string, fc.Arbitrary<string>> = {
  email: fc.constantFrom('camille@example.org', 'noor@example.org', 'a.b+c@example.com'),
  uri: fc.constantFrom(
    'https://example.org/',
    'https://github.com/example-org/shop',
    'https://example.org/archive.tar.gz',
  ),
  'date-time': fc
    .date({ min: new Date('2015-01-01'), max: new Date('2030-01-01'), noInvalidDate: true })
    .map((d) => d.toISOString()),
  date: fc
    .date({ min: new Date('2015-01-01'), max: new Date('2030-01-01'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  uuid: fc.uuid(),
  password: fc.string({ minLength: 8, maxLength: 20 }),
};

export function arbitraryFor(spec: Json, node: Json, depth = 0): fc.Arbitrary<unknown> {
  const schema = deref(spec, node ?? {});
  if (!schema || typeof schema !== 'object') return fc.anything();
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...schema.enum);
  if (Array.isArray(schema.examples) && schema.examples.length > 0 && depth > 3)
    return fc.constantFrom(...schema.examples);
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (Array.isArray(alternatives)) return fc.oneof(...alternatives.map((s: Json) => arbitraryFor(spec, s, depth + 1)));
  if (Array.isArray(schema.allOf)) {
    return fc
      .tuple(...schema.allOf.map((s: Json) => arbitraryFor(spec, s, depth + 1)))
      .map((parts) => Object.assign({}, ...parts.filter((p) => p && typeof p === 'object')));
  }
  const types: string[] = [].concat(schema.type ?? (schema.properties ? 'object' : []));
  if (types.length > 1) return fc.oneof(...types.map((type) => arbitraryFor(spec, { ...schema, type }, depth)));
  switch (types[0]) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000 });
    case 'number':
      return fc.double({
        min: schema.minimum ?? -1000,
        max: schema.maximum ?? 1000,
        noNaN: true,
        noDefaultInfinity: true,
      });
    case 'string': {
      if (schema.format && FORMATS[schema.format]) return FORMATS[schema.format]!;
      if (schema.pattern)
        return fc
          .stringMatching(new RegExp(schema.pattern))
          .filter((s) => s.length >= (schema.minLength ?? 0) && s.length <= (schema.maxLength ?? 200));
      return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 24, 24) });
    }
    case 'array': {
      if (depth > 4) return fc.constant([]);
      return fc.array(arbitraryFor(spec, schema.items ?? {}, depth + 1), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 3, 3),
      });
    }
    case 'object': {
      if (depth > 4) return fc.constant({});
      const required = new Set<string>(schema.required ?? []);
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, value] of Object.entries<Json>(schema.properties ?? {}))
        record[key] = arbitraryFor(spec, value, depth + 1);
      return fc.record(record, { requiredKeys: [...required].filter((k) => k in record) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}
