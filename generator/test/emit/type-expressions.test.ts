// emit/type-expressions.ts: the types of parameters and results, shared by
// the client and the server stubs.
import { describe, expect, test } from 'vitest';
import {
  componentType,
  itemType,
  parametersType,
  paramsType,
  positionalType,
  responseBodyType,
  resultType,
} from '../../src/emit/type-expressions.js';
import { aliases, op } from './fixture.js';

const S = (id: string) => `Schema.operations['${id}']`;

describe('type expressions', () => {
  test.each([
    ['things.retrieve', { result: 'Schema.Thing', positional: 'string', params: undefined }],
    [
      'things.list',
      {
        result: 'Array<Schema.Thing>',
        positional: undefined,
        params: `NonNullable<${S('things.list')}['parameters']['query']>`,
      },
    ],
    [
      'things.create',
      {
        result: 'Schema.Thing',
        positional: undefined,
        params: `NonNullable<${S('things.create')}['parameters']['header']> & NonNullable<${S('things.create')}['requestBody']>['content']['application/json']`,
      },
    ],
    [
      'things.parts.update',
      {
        result: 'void',
        positional: 'string',
        params: `Pick<${S('things.parts.update')}['parameters']['path'], 'thing'> & NonNullable<${S('things.parts.update')}['requestBody']>['content']['application/json']`,
      },
    ],
    [
      'things.scale',
      {
        result: `${S('things.scale')}['responses'][202]['content']['application/json']['sizes']`,
        positional: 'string',
        params: undefined,
      },
    ],
    ['things.export', { result: 'string', positional: undefined, params: undefined }],
    [
      'tokens.exchange',
      {
        result: `${S('tokens.exchange')}['responses'][200]['content']['application/json']['token']`,
        positional: undefined,
        params: undefined,
      },
    ],
  ])('%s', (id, want) => {
    const operation = op(id);
    expect({
      result: resultType(operation, aliases),
      positional: positionalType(operation),
      params: paramsType(operation),
    }).toEqual(want);
  });

  test('a paginated list types its items', () => {
    expect(itemType(op('things.list'), aliases)).toBe('Schema.Thing');
  });

  test('a component without an alias is reached through components', () => {
    expect(componentType('Thing', aliases)).toBe('Schema.Thing');
    expect(componentType('Other', new Set())).toBe("Schema.components['schemas']['Other']");
  });

  test.each([
    ['things.retrieve', 'path', `NonNullable<${S('things.retrieve')}['parameters']['path']>`],
    ['things.retrieve', 'query', 'Record<string, never>'],
    ['things.list', 'query', `NonNullable<${S('things.list')}['parameters']['query']>`],
    ['things.create', 'header', `NonNullable<${S('things.create')}['parameters']['header']>`],
  ] as const)('%s: %s parameters', (id, where, want) => {
    expect(parametersType(op(id), where)).toBe(want);
  });

  test('an answer body by its status key', () => {
    expect(responseBodyType(op('things.retrieve'), '404')).toBe(
      `${S('things.retrieve')}['responses']['404']['content']['application/json']`,
    );
  });
});
