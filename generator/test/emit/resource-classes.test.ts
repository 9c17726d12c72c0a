// emit/client/resource-classes.ts: a class per node of the resource tree,
// each method a one-line call of the operation's function.
import { describe, expect, test } from 'vitest';
import { resourceFile } from '../../src/emit/client/resource-classes.js';
import { printFile } from '../../src/emit/print.js';
import { aliases, node } from './fixture.js';

describe('resource classes', () => {
  const text = printFile(resourceFile(node('things'), aliases));

  test.each([
    [
      'a method calls the function with the client and its own arguments',
      '  retrieve(thing: string, options?: RequestOptions): APIPromise<Schema.Thing> {\n    return thingsRetrieve(this._client, thing, options);\n  }',
    ],
    [
      'optional params stay optional',
      '  list(params?: ThingsListParams, options?: RequestOptions): PagePromise<Schema.Thing> {\n    return thingsList(this._client, params, options);\n  }',
    ],
    [
      'a child resource is a property of its parent',
      '  public readonly parts: ThingsParts = new ThingsParts(this._client);',
    ],
    [
      'the nested class holds the nested operations',
      '/** `client.things.parts` */\nexport class ThingsParts extends APIResource {',
    ],
    [
      'the functions and params types are imported from the funcs file',
      "import { thingsCreate, thingsExport, thingsList, thingsRetrieve, thingsScale, thingsPartsUpdate, type ThingsCreateParams, type ThingsListParams, type ThingsPartsUpdateParams } from '../funcs/things.js';",
    ],
    [
      'the params types are exported from here too, as before the functions existed',
      "export type { ThingsCreateParams, ThingsListParams, ThingsPartsUpdateParams } from '../funcs/things.js';",
    ],
  ])('%s', (_, want) => {
    expect(text).toContain(want);
  });

  test('no spec, no runtime helper: the method is only the call', () => {
    expect(text).not.toContain('specs.');
    expect(text).not.toMatch(/\b(call|page|callAsync)\(/);
  });

  test('a resource with only sub-resources imports no params type', () => {
    const databases = printFile(resourceFile(node('databases'), aliases));
    expect(databases).toContain(
      'export class Databases extends APIResource {\n  public readonly backups: DatabasesBackups',
    );
    expect(databases).not.toContain('export type {');
  });
});
