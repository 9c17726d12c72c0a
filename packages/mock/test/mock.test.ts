// The mock over HTTP, as a user's code meets it: the real URLs of every
// service on one port, Prism's examples and `Prefer` headers, and every error
// Prism raises itself in the API's envelopes, never problem+json.

import { exampleRequest } from '@scalingo-openapi/test-support/requests';
import { type Json, label, loadSpec, operations } from '@scalingo-openapi/test-support/spec';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Mock, serverBasePath, startMock } from '../src/index.js';

let spec: Json;
let mock: Mock;

beforeAll(async () => {
  spec = await loadSpec('scalingo');
  mock = await startMock({ document: spec, port: 0 });
}, 150_000);
afterAll(async () => {
  await mock?.close();
});

async function call(method: string, path: string, init: { headers?: Record<string, string>; body?: unknown } = {}) {
  const response = await fetch(`${mock.url}${path}`, {
    method,
    headers: init.headers ?? {},
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    redirect: 'manual',
  });
  const text = await response.text();
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    headers: response.headers,
    text,
    json: () => JSON.parse(text),
  };
}

const BEARER = { authorization: 'Bearer tk-us-test', 'content-type': 'application/json' };
const realUrl = (entry: ReturnType<typeof operations>[number], path: string) =>
  `${serverBasePath((entry.operation.servers ?? entry.pathItem.servers ?? spec.servers)[0])}${path}`;

describe('real URLs', () => {
  test('every operation answers its documented success at the URL of its server', async () => {
    const failures: string[] = [];
    for (const entry of operations(spec)) {
      const request = exampleRequest(spec, entry);
      const answer = await call(request.method, realUrl(entry, request.url), {
        headers: request.headers,
        body: request.body,
      });
      if (!request.successStatuses.includes(answer.status))
        failures.push(`${label(entry)} → ${answer.status} ${answer.text.slice(0, 200)}`);
    }
    expect(failures).toEqual([]);
  }, 120_000);

  test('the paths without their server base path are not served', async () => {
    expect((await call('GET', '/apps', { headers: BEARER })).status).toBe(404);
    expect((await call('GET', '/v1/api/databases/x', { headers: BEARER })).status).toBe(404);
  });
});

describe("Prism's errors in the API's envelopes", () => {
  test('unknown route → 404 {"resource": "route", "error"}', async () => {
    const answer = await call('GET', '/v1/no-such-thing', { headers: BEARER });
    expect([answer.status, answer.type, answer.json()]).toEqual([
      404,
      'application/json; charset=utf-8',
      { resource: 'route', error: 'not found' },
    ]);
  });

  test('a method the path does not have → 405 {"error"}', async () => {
    const answer = await call('PUT', '/v1/apps', { headers: BEARER });
    expect(answer.status).toBe(405);
    expect(answer.headers.get('allow')).toBe('GET, POST, HEAD');
    expect(answer.json()).toEqual({ error: 'PUT is not allowed on /v1/apps; use GET, POST, HEAD' });
    const templated = await call('PUT', '/v1/apps/my-shop-prod/restart', { headers: BEARER });
    expect([templated.status, templated.headers.get('allow')]).toEqual([405, 'POST']);
  });

  test('no credentials → 401 {"error"} on every secured operation', async () => {
    const failures: string[] = [];
    for (const entry of operations(spec)) {
      const security = entry.operation.security ?? spec.security;
      if (!security?.length || security.some((requirement: Json) => Object.keys(requirement).length === 0)) continue;
      const request = exampleRequest(spec, entry);
      delete request.headers.authorization;
      const answer = await call(request.method, realUrl(entry, request.url), {
        headers: request.headers,
        body: request.body,
      });
      const body = request.method === 'HEAD' ? {} : answer.json();
      if (
        answer.status !== 401 ||
        answer.type.includes('problem') ||
        (request.method !== 'HEAD' && typeof body.error !== 'string')
      )
        failures.push(`${label(entry)} → ${answer.status} ${answer.type} ${answer.text.slice(0, 120)}`);
    }
    expect(failures).toEqual([]);
  }, 120_000);

  test("an invalid body → 422 {errors} naming the request's own fields, not the example's", async () => {
    const missing = await call('POST', '/v1/apps', { headers: BEARER, body: { app: {} } });
    expect([missing.status, missing.json()]).toEqual([422, { errors: { 'app.name': ['is missing'] } }]);
    const wrongType = await call('POST', '/v1/apps', { headers: BEARER, body: { app: { name: 42 } } });
    expect(wrongType.status).toBe(422);
    expect(Object.keys(wrongType.json().errors)).toEqual(['app.name']);
    // Prism's own account of the problems stays available.
    expect(wrongType.headers.get('sl-violations')).toContain('app');
  });

  test('a missing query parameter on an operation that declares no 422 → 422 {errors}, not problem+json', async () => {
    const answer = await call('GET', '/v1/apps/collaboration', { headers: BEARER });
    expect([answer.status, answer.type]).toEqual([422, 'application/json; charset=utf-8']);
    expect(answer.json()).toEqual({ errors: { token: ['is missing'] } });
  });

  test('a body that is not JSON → 400 {"error"} (Prism alone would never answer)', async () => {
    const answer = await call('POST', '/v1/apps', { headers: BEARER, body: undefined });
    expect(answer.status).toBe(422);
    const response = await fetch(`${mock.url}/v1/apps`, { method: 'POST', headers: BEARER, body: '{"app": {' });
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatch(/^There was a problem in the JSON you submitted: /);
  });
});

describe('Prism stays the engine', () => {
  test('Prefer: code=404 answers the documented 404 example', async () => {
    const answer = await call('GET', '/v1/apps/my-shop-prod', { headers: { ...BEARER, prefer: 'code=404' } });
    expect([answer.status, answer.json()]).toEqual([404, { resource: 'app', error: 'not found' }]);
  });

  test('Prefer: example=<name> picks a named example', async () => {
    const answer = await call('POST', '/v1/tokens', {
      headers: {
        authorization: `Basic ${Buffer.from('camille:secret').toString('base64')}`,
        'content-type': 'application/json',
        prefer: 'code=401, example=otpRequired',
      },
      body: { token: { name: 'ci' } },
    });
    expect([answer.status, answer.json()]).toEqual([401, { error: 'OTP Required' }]);
  });

  test('HEAD answers like GET without a body', async () => {
    const answer = await call('HEAD', '/v1/apps', { headers: BEARER });
    expect([answer.status, answer.text]).toEqual([200, '']);
  });
});

describe('--dynamic', () => {
  test('answers generated from the schemas, different from call to call', async () => {
    const dynamic = await startMock({ document: await loadSpec('streams'), port: 0, dynamic: true });
    try {
      const entry = operations(await loadSpec('streams')).find(
        (e) => e.method === 'get' && e.path === '/apps/{app}/logs',
      );
      expect(entry).toBeDefined();
      const request = exampleRequest(await loadSpec('streams'), entry!);
      const bodies = new Set<string>();
      for (let i = 0; i < 3; i++) {
        // The logs service takes its token in the query (the signed logs URL).
        const response = await fetch(`${dynamic.url}${request.url}?token=signed`, { headers: request.headers });
        expect(response.status).toBe(200);
        bodies.add(await response.text());
      }
      expect(bodies.size).toBeGreaterThan(1);
    } finally {
      await dynamic.close();
    }
  }, 150_000);
});
