// emit/server/route-table.ts: the stubs' route table, component schemas and
// example answers, as data.
import { describe, expect, test } from 'vitest';
import { componentsFile, examplesFile, routesFile } from '../../src/emit/server/route-table.js';
import { model } from './fixture.js';

const operations = model.operations.filter((o) => !o.headOf);
const dataOf = (text: string) => JSON.parse(text.slice(text.indexOf('= ') + 2, text.lastIndexOf(';')));

describe('route table', () => {
  const routes = dataOf(routesFile(model, operations)) as Array<Record<string, unknown>>;

  test.each([
    [
      'things.list',
      { method: 'GET', path: '/things', service: 'regional', success: 200, async: false, paginated: 'things' },
    ],
    ['things.scale', { method: 'POST', path: '/things/{thing}/scale', success: 202, async: true }],
    ['regions.list', { service: 'auth', security: [] }],
    [
      'databases.backups.list',
      { service: 'database', security: [['databaseBearerAuth']], resource: ['databases', 'backups'], name: 'list' },
    ],
  ])('%s', (id, want) => {
    expect(routes.find((r) => r.id === id)).toMatchObject(want);
  });

  test('every operation has a route, with its schemas', () => {
    expect(routes.map((r) => r.id)).toEqual(operations.map((o) => o.id));
    const create = routes.find((r) => r.id === 'things.create') as { schemas: { responses: Record<string, unknown> } };
    expect(Object.keys(create.schemas.responses)).toEqual(['201', '422']);
  });

  test('the component schemas and the example answers by operation and status', () => {
    expect(dataOf(componentsFile(model)).Thing).toEqual({
      type: 'object',
      required: ['id'],
      properties: { id: { type: 'string' } },
    });
    const examples = dataOf(examplesFile(model, operations));
    expect(Object.keys(examples['things.create'])).toEqual(['201', '422']);
    expect(examples['things.export']['200'].mediaType).toBe('text/csv');
  });
});
