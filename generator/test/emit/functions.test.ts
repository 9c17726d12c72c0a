// emit/client/functions.ts: one standalone function per operation, and the
// call shape the resource methods share.
import { describe, expect, test } from 'vitest';
import { callShape, functionsFile, functionsIndexFile } from '../../src/emit/client/functions.js';
import { printFile } from '../../src/emit/print.js';
import { aliases, model, node, op } from './fixture.js';

describe('call shape', () => {
  test.each([
    [
      'things.list',
      {
        helper: 'page',
        parameters: 'params?: ThingsListParams, options?: RequestOptions',
        returns: 'PagePromise<Schema.Thing>',
      },
    ],
    [
      'things.retrieve',
      { helper: 'call', parameters: 'thing: string, options?: RequestOptions', returns: 'APIPromise<Schema.Thing>' },
    ],
    [
      'things.create',
      {
        helper: 'call',
        parameters: 'params: ThingsCreateParams, options?: RequestOptions',
        returns: 'APIPromise<Schema.Thing>',
      },
    ],
    [
      'things.parts.update',
      {
        helper: 'call',
        parameters: 'part_id: string, params: ThingsPartsUpdateParams, options?: RequestOptions',
        returns: 'APIPromise<void>',
      },
    ],
    [
      'things.scale',
      {
        helper: 'callAsync',
        parameters: 'thing: string, options?: RequestOptions',
        returns:
          "APIPromise<AsyncOperation<Schema.operations['things.scale']['responses'][202]['content']['application/json']['sizes']>>",
      },
    ],
    ['things.export', { helper: 'call', parameters: 'options?: RequestOptions', returns: 'APIPromise<string>' }],
  ])('%s', (id, want) => {
    const shape = callShape(op(id), aliases);
    expect({
      helper: shape.helper,
      parameters: shape.parameters.map((p) => `${p.name}${p.hasQuestionToken ? '?' : ''}: ${p.type}`).join(', '),
      returns: shape.returnType,
    }).toEqual(want);
  });
});

describe('functions file', () => {
  const text = printFile(functionsFile(node('things'), aliases));

  test.each([
    [
      'a paginated list',
      'export function thingsList(client: CoreClient, params?: ThingsListParams, options?: RequestOptions): PagePromise<Schema.Thing> {\n  return page(client, specs.thingsList, undefined, params, options);\n}',
    ],
    [
      'a positional path parameter',
      'export function thingsRetrieve(client: CoreClient, thing: string, options?: RequestOptions): APIPromise<Schema.Thing> {\n  return call(client, specs.thingsRetrieve, thing, undefined, options);\n}',
    ],
    [
      'another path parameter in params',
      'export function thingsPartsUpdate(client: CoreClient, part_id: string, params: ThingsPartsUpdateParams, options?: RequestOptions): APIPromise<void> {\n  return call(client, specs.thingsPartsUpdate, part_id, params, options);\n}',
    ],
    ['a 202 + Location action', '  return callAsync(client, specs.thingsScale, thing, undefined, options);'],
    [
      'the params type, named after the function and the method',
      "/** Parameters of `thingsList()` and `client.things.list()`. */\nexport type ThingsListParams = NonNullable<Schema.operations['things.list']['parameters']['query']>;",
    ],
    [
      'imports of the helpers it calls and of its specs only',
      "import { call } from '../../core/call.js';\nimport { callAsync } from '../../core/async-operation.js';\nimport { page } from '../../core/pagination.js';",
    ],
    [
      'each function documented',
      '/**\n * List things\n *\n * Every thing, a page at a time.\n *\n * `GET /things` on the regional API.\n */',
    ],
  ])('%s', (_, want) => {
    expect(text).toContain(want);
  });

  test('a file whose operations need no page or async helper imports neither', () => {
    const tokens = printFile(functionsFile(node('tokens'), aliases));
    expect(tokens).toContain("import type { APIPromise, RequestOptions } from '../../core/index.js';");
    expect(tokens).not.toContain('pagination.js');
    expect(tokens).not.toContain('async-operation.js');
  });

  test('the index re-exports every resource file', () => {
    expect(printFile(functionsIndexFile(model.resources))).toContain(
      "export * from './databases.js';\nexport * from './regions.js';\nexport * from './things.js';\nexport * from './tokens.js';",
    );
  });
});
