// emit/docs/code-samples.ts: a TypeScript and a curl sample per operation,
// from the calling convention and the spec's examples.
import { describe, expect, test } from 'vitest';
import { codeSamples } from '../../src/emit/docs/code-samples.js';
import { model } from './fixture.js';

const samples = codeSamples(model);
const source = (id: string, lang: 'TypeScript' | 'Shell') => samples[id]!.find((s) => s.lang === lang)!.source;

describe('code samples', () => {
  test('every operation has both', () => {
    expect(Object.keys(samples).sort()).toEqual(model.operations.map((o) => o.id).sort());
    for (const list of Object.values(samples)) expect(list.map((s) => s.lang)).toEqual(['TypeScript', 'Shell']);
  });

  test.each([
    ['things.retrieve', "const thing = await client.things.retrieve('th-1');\nconsole.log(thing);"],
    ['things.list', 'for await (const thing of client.things.list()) {\n  console.log(thing);\n}'],
    ['things.create', "const thing = await client.things.create({\n  thing: { id: 'th-1' },\n});"],
    ['things.scale', 'console.log(operation.result);\nawait operation.wait(); // polls the operation until it is done'],
    ['things.export', 'const result = await client.things.export();'],
    ['databases.backups.list', 'databaseToken: process.env.SCALINGO_DATABASE_TOKEN'],
  ])('TypeScript: %s', (id, want) => {
    expect(source(id, 'TypeScript')).toContain(want);
  });

  test.each([
    [
      'things.retrieve',
      "curl 'https://api.eu1.example.com/v1/things/th-1' \\\n  -H 'Accept: application/json' \\\n  -H \"Authorization: Bearer $SCALINGO_BEARER_TOKEN\"",
    ],
    ['things.create', "curl -X POST 'https://api.eu1.example.com/v1/things'"],
    ['things.export', "curl 'https://api.eu1.example.com/v1/export' \\\n  -H 'Accept: text/csv'"],
    ['databases.backups.list', '-H "Authorization: Bearer $SCALINGO_DATABASE_TOKEN"'],
  ])('curl: %s', (id, want) => {
    expect(source(id, 'Shell')).toContain(want);
  });

  test('a public operation sends no credentials', () => {
    expect(source('things.export', 'Shell')).not.toContain('Authorization');
  });
});
