// emit/names.ts: every generated name and identifier, from the model.
import { describe, expect, test } from 'vitest';
import {
  camelVariable,
  functionName,
  isIdentifier,
  operationDoc,
  operationType,
  paramsTypeName,
  propertyKey,
  resourceClassName,
  resourceFileName,
  variableName,
} from '../../src/emit/names.js';
import { node, op } from './fixture.js';

describe('identifiers', () => {
  test.each([
    ['app', { identifier: true, key: 'app', variable: 'app' }],
    ['per_page', { identifier: true, key: 'per_page', variable: 'per_page' }],
    ['X-Dry-Run', { identifier: false, key: "'X-Dry-Run'", variable: 'X_Dry_Run' }],
    ['addon-id', { identifier: false, key: "'addon-id'", variable: 'addon_id' }],
    ['2fa', { identifier: false, key: "'2fa'", variable: '_2fa' }],
    ['delete', { identifier: true, key: 'delete', variable: '_delete' }],
    ["it's", { identifier: false, key: "'it\\'s'", variable: 'it_s' }],
  ])('%s', (name, want) => {
    expect({ identifier: isIdentifier(name), key: propertyKey(name), variable: variableName(name) }).toEqual(want);
  });

  test.each([
    ['audit_logs', 'auditLogs'],
    ['addon-providers', 'addonProviders'],
    ['app', 'app'],
    ['new', 'result'],
    ['2fa', 'result'],
  ])('camelVariable(%s) → %s', (key, want) => {
    expect(camelVariable(key, 'result')).toBe(want);
  });
});

describe('names of generated symbols', () => {
  test.each([
    ['things.list', { fn: 'thingsList', params: 'ThingsListParams', type: "Schema.operations['things.list']" }],
    [
      'things.parts.update',
      { fn: 'thingsPartsUpdate', params: 'ThingsPartsUpdateParams', type: "Schema.operations['things.parts.update']" },
    ],
    [
      'databases.backups.list',
      {
        fn: 'databasesBackupsList',
        params: 'DatabasesBackupsListParams',
        type: "Schema.operations['databases.backups.list']",
      },
    ],
  ])('%s', (id, want) => {
    const operation = op(id);
    expect({ fn: functionName(operation), params: paramsTypeName(operation), type: operationType(operation) }).toEqual(
      want,
    );
  });

  test('resource classes and files', () => {
    expect(resourceClassName(['things', 'parts'])).toBe('ThingsParts');
    expect(resourceClassName(['scmRepoLinks'])).toBe('ScmRepoLinks');
    expect(resourceFileName(node('things'))).toBe('things');
    expect(resourceFileName({ ...node('things'), name: 'scmRepoLinks' })).toBe('scm-repo-links');
  });

  test.each([
    ['things.retrieve', 'Get a thing\n\n`GET /things/{thing}` on the regional API.'],
    ['things.list', 'List things\n\nEvery thing, a page at a time.\n\n`GET /things` on the regional API.'],
    ['regions.list', 'List regions\n\n`GET /regions` on the auth API.'],
  ])('operationDoc(%s)', (id, want) => {
    expect(operationDoc(op(id))).toBe(want);
  });

  test('operationDoc closes no comment early and marks deprecation', () => {
    const doc = operationDoc({ ...op('things.list'), description: 'Ends */ here', deprecated: true });
    expect(doc).toContain('Ends *\\/ here');
    expect(doc).toContain('@deprecated');
  });
});
