// emit/client/operations-table.ts: the typed spec of each operation, the
// runtime table and the table of every spec.
import { describe, expect, test } from 'vitest';
import { operationSpec, operationsFile, specsFile, subtreeOperations } from '../../src/emit/client/operations-table.js';
import { linesOf, model, node, op } from './fixture.js';

describe('operation specs', () => {
  test.each([
    [
      'things.list',
      {
        id: 'things.list',
        method: 'GET',
        path: '/things',
        query: ['page', 'per_page'],
        envelope: { kind: 'root', key: 'things' },
        paginated: 'things',
      },
    ],
    [
      'things.retrieve',
      {
        id: 'things.retrieve',
        method: 'GET',
        path: '/things/{thing}',
        positional: 'thing',
        envelope: { kind: 'root', key: 'thing' },
      },
    ],
    [
      'things.create',
      {
        id: 'things.create',
        method: 'POST',
        path: '/things',
        headers: ['X-Dry-Run'],
        body: { mode: 'spread', keys: ['thing'] },
        envelope: { kind: 'root', key: 'thing' },
      },
    ],
    [
      'things.parts.update',
      {
        id: 'things.parts.update',
        method: 'PATCH',
        path: '/things/{thing}/parts/{part_id}',
        positional: 'part_id',
        pathParams: ['thing'],
        body: { mode: 'spread', keys: ['part'] },
        envelope: { kind: 'empty' },
      },
    ],
    [
      'things.scale',
      {
        id: 'things.scale',
        method: 'POST',
        path: '/things/{thing}/scale',
        positional: 'thing',
        envelope: { kind: 'root', key: 'sizes' },
        async: true,
      },
    ],
    [
      'things.export',
      {
        id: 'things.export',
        method: 'GET',
        path: '/export',
        security: [],
        envelope: { kind: 'raw', mediaType: 'text/csv' },
      },
    ],
    [
      'tokens.exchange',
      {
        id: 'tokens.exchange',
        method: 'POST',
        path: '/tokens/exchange',
        service: 'auth',
        security: [['basicAuth']],
        envelope: { kind: 'root', key: 'token' },
      },
    ],
    [
      'databases.backups.list',
      {
        id: 'databases.backups.list',
        method: 'GET',
        path: '/databases/{database_id}/backups',
        service: 'database',
        security: [['databaseBearerAuth']],
        positional: 'database_id',
        envelope: { kind: 'root', key: 'backups' },
      },
    ],
  ])('%s', (id, want) => {
    expect(operationSpec(op(id))).toEqual(want);
  });

  test('a resource file holds the specs of its whole subtree, one typed line each', () => {
    expect(subtreeOperations(node('things')).map((o) => o.id)).toEqual([
      'things.create',
      'things.export',
      'things.list',
      'things.retrieve',
      'things.scale',
      'things.parts.update',
    ]);
    const text = specsFile(node('things'));
    expect(
      linesOf(text, [
        "import type { OperationSpec } from '../../core/operation.js';",
        "export const thingsRetrieve: OperationSpec = { id: 'things.retrieve', method: 'GET', path: '/things/{thing}', positional: 'thing', envelope: { kind: 'root', key: 'thing' } };",
        "export const thingsPartsUpdate: OperationSpec = { id: 'things.parts.update', method: 'PATCH', path: '/things/{thing}/parts/{part_id}', positional: 'part_id', pathParams: ['thing'], body: { mode: 'spread', keys: ['part'] }, envelope: { kind: 'empty' } };",
      ]),
    ).toHaveLength(3);
  });
});

describe('operations.ts', () => {
  const text = operationsFile(model);

  test('the runtime table names the generated specs of the operations the core client sends', () => {
    expect(text).toContain(
      [
        'export const runtimeTable: RuntimeTable = {',
        '  services,',
        '  exchange: tokensSpecs.tokensExchange,',
        '  regions: regionsSpecs.regionsList,',
        '};',
      ].join('\n'),
    );
    expect(text).toContain("import * as tokensSpecs from './specs/tokens.js';");
  });

  test('every operation by operationId, sorted, and the servers of each service', () => {
    expect(text).toContain(
      "  'databases.backups.list': databasesSpecs.databasesBackupsList,\n  'regions.list': regionsSpecs.regionsList,",
    );
    expect(text).toContain('} satisfies Record<string, OperationSpec>;');
    expect(text).toContain("export const specVersion = '0.2.0';");
    expect(text).toContain("  regional: {\n    url: 'https://api.{region}.example.com/v1',");
  });

  test('a spec without the operations the runtime needs is refused with their name', () => {
    const without = { ...model, resources: model.resources.filter((n) => n.name !== 'tokens') };
    expect(() => operationsFile(without)).toThrow('The client runtime needs the operation tokens.exchange');
  });
});
