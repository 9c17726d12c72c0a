import { loadSpec, operations } from '@scalingo-openapi/test-support/spec';
import { describe, expect, test } from 'vitest';
import { methodsOf, mockDocument, type OpenApiDocument, serverBasePath } from '../src/mock-document.js';

describe('serverBasePath', () => {
  test.each([
    ['https://api.{region}.scalingo.com/v1', { region: { default: 'osc-fr1' } }, '/v1'],
    ['https://auth.scalingo.com/v1/', undefined, '/v1'],
    ['https://db-api.{region}.scalingo.com', { region: { default: 'osc-fr1' } }, ''],
    [
      'https://{host}{base_path}',
      { host: { default: 'a.example.org' }, base_path: { default: '/scalingo' } },
      '/scalingo',
    ],
    ['/relative/v2', undefined, '/relative/v2'],
  ])('%s → "%s"', (url, variables, want) => {
    expect(serverBasePath({ url, ...(variables ? { variables } : {}) })).toBe(want);
  });
});

describe('mockDocument', () => {
  const document: OpenApiDocument = {
    openapi: '3.1.0',
    servers: [{ url: 'https://api.example.org/v1' }],
    paths: {
      '/apps': { get: { operationId: 'apps.list' }, parameters: [{ name: 'x', in: 'query' }] },
      '/tokens': { servers: [{ url: 'https://auth.example.org/v1' }], post: { operationId: 'tokens.create' } },
      '/api/databases/{id}': {
        servers: [{ url: 'https://db.example.org' }],
        get: { operationId: 'db.retrieve' },
        delete: { operationId: 'db.delete', servers: [{ url: 'https://other.example.org/v2' }] },
      },
    },
  };

  test('moves each path under its server base path and drops every servers', () => {
    const mock = mockDocument(document);
    expect(mock.servers).toBeUndefined();
    expect(mock.paths).toEqual({
      '/v1/apps': { get: { operationId: 'apps.list' }, parameters: [{ name: 'x', in: 'query' }] },
      '/v1/tokens': { post: { operationId: 'tokens.create' } },
      '/api/databases/{id}': { get: { operationId: 'db.retrieve' } },
      '/v2/api/databases/{id}': { delete: { operationId: 'db.delete' } },
    });
  });

  test('leaves the input untouched', () => {
    const before = JSON.stringify(document);
    mockDocument(document);
    expect(JSON.stringify(document)).toBe(before);
  });

  test('refuses two operations on one method and URL', () => {
    const clash: OpenApiDocument = {
      openapi: '3.1.0',
      paths: {
        '/v1/apps': { get: {} },
        '/apps': { servers: [{ url: 'https://x.example.org/v1' }], get: {} },
      },
    };
    expect(() => mockDocument(clash)).toThrow('GET /v1/apps is declared twice');
  });

  test.each(['scalingo', 'addon-provider', 'streams'])(
    '%s: every operation keeps its method under its real URL',
    async (alias) => {
      const spec = await loadSpec(alias);
      const mock = mockDocument(spec);
      const want = operations(spec).map((entry) => {
        const servers = entry.operation.servers ?? entry.pathItem.servers ?? spec.servers;
        return `${entry.method} ${serverBasePath(servers[0])}${entry.path} ${entry.operation.operationId}`;
      });
      const got = operations(mock).map((entry) => `${entry.method} ${entry.path} ${entry.operation.operationId}`);
      expect(got.sort()).toEqual(want.sort());
      if (alias === 'scalingo') {
        expect(got.filter((line) => line.startsWith('get /v1/apps '))).toEqual(['get /v1/apps apps.list']);
        expect(got.some((line) => line.startsWith('get /api/databases/{database_id} '))).toBe(true);
      }
    },
  );
});

describe('methodsOf', () => {
  const allowed = methodsOf({
    openapi: '3.1.0',
    paths: {
      '/v1/apps': { get: {}, post: {} },
      '/v1/apps/{app}': { get: {}, delete: {} },
      '/v1/apps/{app}.json': { get: {} },
    },
  });
  test.each([
    ['/v1/apps', ['GET', 'POST']],
    ['/v1/apps/my-app', ['GET', 'DELETE']],
    ['/v1/apps/my-app/x', undefined],
    ['/v1/appsXjson', undefined],
  ])('%s → %j', (path, want) => {
    expect(allowed(path)).toEqual(want);
  });
});
