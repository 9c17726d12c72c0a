// The standalone functions (`@scalingo-openapi/client/funcs`) on a core client
// (`@scalingo-openapi/client/core`): one per operation of the spec, sending
// exactly what the resource method sends, with the same results, pagination
// and errors; and a bundle of two of them carries only their two specs.
import path from 'node:path';
import { bundleForBrowser, FUNCS_CONSUMER } from '@scalingo-openapi/bench/browser-bundle';
import { buildModel, functionName, loadSpec as loadForModel } from '@scalingo-openapi/generator';
import { exampleCall, resourceOf } from '@scalingo-openapi/test-support/example-call';
import { label, loadSpec, operations } from '@scalingo-openapi/test-support/spec';
import { describe, expect, test } from 'vitest';
import { createCoreClient, NotFoundError, Page } from '../src/core.js';
import * as funcs from '../src/funcs.js';
import { createClient } from '../src/index.js';
import { json, useFaultServer } from './support/fault-server.js';

const root = path.resolve(import.meta.dirname, '../../..');
const spec = await loadSpec();
const model = buildModel(await loadForModel({ cwd: root, alias: 'scalingo' }));
const clientOperations = model.operations.filter((o) => !o.headOf);
const entries = new Map(operations(spec).map((e) => [e.operation.operationId as string, e]));
const byName = funcs as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;

const server = useFaultServer();

const options = () => ({
  baseUrls: { regional: server.url, auth: server.url, database: server.url, billing: server.url },
  bearerToken: 'bearer-for-tests',
  databaseToken: 'database-token',
  retry: { maxRetries: 0 },
});

describe('funcs', () => {
  test('every operation of the spec has a function named after its operationId, and nothing else is exported', () => {
    const names = clientOperations.map(functionName).sort();
    expect(Object.keys(funcs).sort()).toEqual(names);
    expect(names).toContain('appsList');
    expect(names).toContain('appsVariablesBulkUpdate');
  });

  test.each(clientOperations.map((o) => [`${functionName(o)}() — ${label(entries.get(o.id)!)}`, o] as const))(
    '%s sends what the resource method sends',
    async (_, operation) => {
      const { positional, params } = exampleCall(spec, operation, entries.get(operation.id)!);
      const args: unknown[] = [];
      if (operation.signature.positional) args.push(positional);
      if (operation.signature.hasParams) args.push(params);
      server.answer(json(operation.success.status === 204 ? 200 : operation.success.status, {}));
      await resourceOf(createClient(options()), operation.resource)[operation.name]!(...args);
      await byName[functionName(operation)]!(createCoreClient(options()), ...args);
      const [viaResource, viaFunction] = server.requests;
      expect(viaFunction).toEqual(viaResource);
      expect(viaFunction!.method).toBe(operation.method);
    },
  );

  test('results are unwrapped, pages iterate, errors are typed, as with the resource client', async () => {
    const core = createCoreClient(options());
    server.answer(json(200, { app: { id: 'ap-1', name: 'my-shop-prod' } }));
    expect(await funcs.appsRetrieve(core, 'my-shop-prod')).toEqual({ id: 'ap-1', name: 'my-shop-prod' });
    const { response } = await funcs.appsRetrieve(core, 'my-shop-prod').withResponse();
    expect(response.status).toBe(200);

    const pagination = (current: number, next: number | null) => ({
      prev_page: current > 1 ? current - 1 : null,
      current_page: current,
      next_page: next,
      total_pages: 2,
      total_count: 3,
    });
    server.requests.length = 0;
    server.answer(
      json(200, { events: [{ id: 'e1' }, { id: 'e2' }], meta: { pagination: pagination(1, 2) } }),
      json(200, { events: [{ id: 'e3' }], meta: { pagination: pagination(2, null) } }),
    );
    const first = await funcs.appsEventsList(core, 'my-shop-prod');
    expect(first).toBeInstanceOf(Page);
    const ids: string[] = [];
    for await (const event of first) ids.push(event.id as string);
    expect(ids).toEqual(['e1', 'e2', 'e3']);
    expect(server.requests.map((r) => r.url)).toEqual([
      '/apps/my-shop-prod/events',
      '/apps/my-shop-prod/events?page=2',
    ]);

    server.answer(json(404, { resource: 'app', error: 'not found' }));
    const error = await funcs.appsRetrieve(core, 'gone').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).resource).toBe('app');
  });
});

describe('bundle', () => {
  test('a consumer of two functions bundles their specs and none of the others', async () => {
    const { code, gzipped } = await bundleForBrowser(FUNCS_CONSUMER);
    // The two calls, and the two operations the core client sends itself.
    const bundled = clientOperations.filter((o) => code.includes(`"${o.id}"`)).map((o) => o.id);
    expect(bundled.sort()).toEqual(['apps.list', 'apps.retrieve', 'regions.list', 'tokens.exchange']);
    // No resource class, no openapi-fetch client (the raw clients are apart).
    expect(code).not.toContain('APIResource');
    expect(code).not.toContain('Middleware');
    // 4.8 kB read strictly (1,000 B to the kB), though the bench prints kB of 1,024 B.
    expect(gzipped).toBeLessThanOrEqual(4_800);
  });
});
