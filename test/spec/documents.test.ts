// The checks every document of the spec passes alike — the main document, what
// an addon provider serves, the streams — in one table: operation naming and
// security, the error answers that apply, examples on every body and each one
// valid (Ajv, 2020-12), dates through DateTime. What only one document has is
// checked in its own file (conventions, addon-provider, streams).
import { describe, expect, test } from 'vitest';
import { specValidator } from '../support/ajv.js';
import { exampleCases } from '../support/examples.js';
import { deref, type Json, label, loadSpec, type OperationEntry, operations, walkSchemas } from '../support/spec.js';

const DATE_REF = /^#\/components\/schemas\/(Nullable)?DateTime$/;

const DOCUMENTS = await Promise.all(
  [
    { alias: 'scalingo', minExamples: 50 },
    { alias: 'addon-provider', minExamples: 10 },
    { alias: 'streams', minExamples: 10 },
  ].map(async (document) => {
    const spec = await loadSpec(document.alias);
    const byLabel = operations(spec).map((entry) => [label(entry), entry] as const);
    return { ...document, spec, byLabel };
  }),
);

/** Every media type of an operation's request body and answers, named `request <type>` or `<status> <type>`. */
function mediaOf(spec: Json, entry: OperationEntry): Array<[string, Json]> {
  const media: Array<[string, Json]> = [];
  const request = entry.operation.requestBody && deref(spec, entry.operation.requestBody);
  for (const [type, m] of Object.entries<Json>(request?.content ?? {})) media.push([`request ${type}`, m]);
  for (const [status, raw] of Object.entries<Json>(entry.operation.responses ?? {})) {
    for (const [type, m] of Object.entries<Json>(deref(spec, raw).content ?? {})) media.push([`${status} ${type}`, m]);
  }
  return media;
}

describe.each(DOCUMENTS)('$alias document', ({ spec, byLabel, minExamples }) => {
  test('operationIds are unique', () => {
    const ids = byLabel.map(([, e]) => e.operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test.each(byLabel)('%s: dotted operationId, tag, summary, description, explicit security', (_, entry) => {
    const op = entry.operation;
    expect(op.operationId).toMatch(/^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)+$/);
    expect(op.tags?.length).toBe(1);
    expect(spec.tags.map((t: Json) => t.name)).toContain(op.tags[0]);
    expect(op.summary?.length).toBeGreaterThan(5);
    expect(op.description?.length).toBeGreaterThan(20);
    expect(Array.isArray(op.security)).toBe(true);
    for (const requirement of op.security) {
      for (const scheme of Object.keys(requirement)) expect(spec.components.securitySchemes).toHaveProperty(scheme);
    }
  });

  test.each(byLabel)(
    '%s: documents the error answers that apply, and a success (2xx, or 101 for a WebSocket)',
    (_, entry) => {
      const statuses = Object.keys(entry.operation.responses);
      expect(statuses).toContain('429');
      expect(statuses).toContain('5XX');
      if (entry.operation.security.some((r: Json) => Object.keys(r).length > 0)) expect(statuses).toContain('401');
      if (entry.parameters.some((p) => p.in === 'path')) expect(statuses).toContain('404');
      if (entry.operation.requestBody) {
        expect(statuses).toContain('400');
        expect(statuses).toContain('422');
      }
      expect(statuses.some((s) => /^2\d\d$/.test(s) || s === '101')).toBe(true);
    },
  );

  test.each(byLabel)('%s: examples for the request body and every response body', (_, entry) => {
    for (const [where, m] of mediaOf(spec, entry)) {
      const count = (m.example !== undefined ? 1 : 0) + Object.keys(m.examples ?? {}).length;
      expect(count, `${where} has no example`).toBeGreaterThan(0);
    }
  });

  test('every date property references DateTime or NullableDateTime', () => {
    const offenders: string[] = [];
    for (const { schema, pointer } of walkSchemas(spec)) {
      if (schema.format === 'date-time' && pointer !== '#/components/schemas/DateTime') offenders.push(pointer);
      for (const [name, property] of Object.entries<Json>(schema.properties ?? {})) {
        if (!/(_at|_until|_time)$/.test(name)) continue;
        if (property.type && ![property.type].flat().includes('string')) continue;
        if (property.format === 'date') continue; // a calendar day, not an instant
        const ref = property.$ref ?? property.anyOf?.find((p: Json) => p.$ref)?.$ref;
        if (!DATE_REF.test(ref ?? '')) offenders.push(`${pointer}/properties/${name}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  describe('examples', () => {
    const validator = specValidator(spec);
    const cases = exampleCases(spec);

    test('there are examples to check', () => {
      expect(cases.length).toBeGreaterThan(minExamples);
    });

    test.each(cases.map((c) => [c.where, c] as const))('%s', (_, c) => {
      expect(validator.validate(c.schemaPointer, c.value)).toEqual([]);
    });
  });
});
