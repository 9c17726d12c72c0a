// emit/incremental-types.ts: after an edit, the types --watch renders are the
// full render's, byte for byte, whether the edit took the partial path or not.
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { IncrementalTypes } from '../../src/emit/incremental-types.js';
import { renderTypes } from '../../src/emit/schema-types.js';
import { loadSpec, type OpenApiDocument } from '../../src/load/load-spec.js';
import { document } from './fixture.js';

type Edit = (d: OpenApiDocument & { paths: Record<string, Record<string, Record<string, unknown>>> }) => void;

const firstPath = Object.keys(document.paths ?? {})[0]!;
const firstOperation = (d: Parameters<Edit>[0]) =>
  Object.values(d.paths[firstPath]!).find((v) => typeof v === 'object' && v !== null && 'operationId' in v)!;

describe('incremental types', () => {
  test.each<[string, 'partial' | 'whole', Edit]>([
    ['an operation summary', 'partial', (d) => void (firstOperation(d).summary = 'Edited summary')],
    ['an operation description', 'partial', (d) => void (firstOperation(d).description = 'Edited, with `code`.')],
    ['a renamed operation', 'whole', (d) => void (firstOperation(d).operationId = 'things.renamedForTest')],
    [
      'a component',
      'whole',
      (d) => void ((d.components!.schemas as Record<string, unknown>).Added = { type: 'string' }),
    ],
    ['a removed path', 'whole', (d) => void delete d.paths[firstPath]],
    ['nothing', 'partial', () => undefined],
  ])('%s: rendered %s, the same text as a whole render', (_name, mode, change) => {
    const types = new IncrementalTypes();
    types.render(structuredClone(document));
    const edited = structuredClone(document) as Parameters<Edit>[0];
    change(edited);
    const want = renderTypes(structuredClone(edited));
    expect(types.render(structuredClone(edited))).toBe(want);
    expect(types.mode).toBe(mode);
  });

  test('a summary edit changes the output (the test above compares something)', () => {
    const edited = structuredClone(document) as Parameters<Edit>[0];
    firstOperation(edited).summary = 'Edited summary';
    expect(renderTypes(structuredClone(edited))).not.toBe(renderTypes(structuredClone(document)));
    expect(renderTypes(structuredClone(edited))).toContain('Edited summary');
  });
});

// The real spec: a partial render reuses the last discriminator scan unless a
// changed path item holds a discriminator or an `allOf` (then it scans again).
// One path item of each kind: plain, one answering a discriminated schema
// (Event), one with an `allOf`.
describe('incremental types of the real spec', async () => {
  const real = (await loadSpec({ cwd: path.resolve(import.meta.dirname, '../../..'), alias: 'scalingo' })).document;
  const types = new IncrementalTypes();
  types.render(structuredClone(real));
  test.each(['/apps/{app}', '/apps/{app}/events', '/apps/{app}/alerts'])(
    'a summary edit in %s renders partially, the same text as a whole render',
    (item) => {
      const edited = structuredClone(real) as Parameters<Edit>[0];
      const operation = Object.values(edited.paths[item]!).find((v) => typeof v === 'object' && 'operationId' in v)!;
      operation.summary = `${operation.summary} (edited)`;
      expect(types.render(structuredClone(edited))).toBe(renderTypes(structuredClone(edited)));
      expect(types.mode).toBe('partial');
    },
  );
});
