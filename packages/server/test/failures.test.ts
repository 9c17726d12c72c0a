// The stubs' own answers on every operation of both documents, on the stubs
// directly (no sandbox): whatever is wrong with a request — credentials, path
// values too long or badly escaped, bodies empty, malformed, not JSON or too
// large, parameters out of their schema — the status is one the operation
// documents, the body is the documented envelope, and nothing sent is quoted.

import { firstMissingMethods } from '@scalingo-openapi/test-support/missing-methods';
import Fastify, { type FastifyInstance, type InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { componentSchemas as providerComponents } from '../src/generated/addon-provider/components.js';
import { routes as providerRoutes } from '../src/generated/addon-provider/routes.js';
import { componentSchemas } from '../src/generated/scalingo/components.js';
import { routes } from '../src/generated/scalingo/routes.js';
import { addonProviderApi, type RouteSpec, scalingoApi, serverOptions, undocumentedFailures } from '../src/index.js';
import { compile, createAjv } from '../src/runtime/validation.js';

const MARK = 'zq9sentvalue';
const all = [
  ...routes.map((route) => ({ route, provider: false })),
  ...providerRoutes.map((route) => ({ route, provider: true })),
];
const ajv = { scalingo: createAjv(componentSchemas, false), provider: createAjv(providerComponents, false) };

let scalingo: FastifyInstance;
let provider: FastifyInstance;

beforeAll(async () => {
  const authenticate = () => ({ user: 'camille' });
  scalingo = Fastify({ ...serverOptions({ bodyLimit: 4096 }) });
  const common = { handlers: {}, authenticate, fallback: 'examples' as const, bodyLimit: 4096 };
  await scalingo.register(scalingoApi, { ...common, prefix: '/v1', services: ['regional', 'auth'] });
  await scalingo.register(scalingoApi, { ...common, services: ['database', 'billing'] });
  provider = Fastify({ ...serverOptions({ bodyLimit: 4096 }) });
  await provider.register(addonProviderApi, common);
});
afterAll(async () => {
  await scalingo?.close();
  await provider?.close();
});

function url(route: RouteSpec, isProvider: boolean, value: (name: string) => string, query = ''): string {
  const prefix = isProvider || route.service === 'database' || route.service === 'billing' ? '' : '/v1';
  return `${prefix}${route.path.replace(/\{([^}]+)\}/g, (_, name: string) => value(name))}${query}`;
}

function expectDocumented(
  route: RouteSpec,
  isProvider: boolean,
  response: { statusCode: number; body: string },
  what: string,
) {
  const status = response.statusCode;
  const key = route.schemas.responses[String(status)] ? String(status) : `${String(status)[0]}XX`;
  const documented = route.schemas.responses[key];
  expect(documented, `${route.id} ${what}: ${status} is not documented (${response.body})`).toBeDefined();
  expect(response.body, `${route.id} ${what} quotes the request`).not.toContain(MARK);
  if (documented?.schema && response.body) {
    const validate = compile(isProvider ? ajv.provider : ajv.scalingo, documented.schema);
    expect(validate(JSON.parse(response.body)), `${route.id} ${what}: ${response.body}`).toBe(true);
  }
}

/** A query value each parameter's schema refuses, where one is obvious. */
function invalidQuery(route: RouteSpec): string | undefined {
  for (const [name, schema] of Object.entries(
    (route.schemas.query?.properties ?? {}) as Record<string, Record<string, unknown>>,
  )) {
    const refusesText = ['integer', 'number', 'boolean'].includes(String(schema.type)) || schema.enum || schema.format;
    if (refusesText) return `?${name}=${MARK}`;
  }
  return undefined;
}

describe('every operation documents the statuses of the failures the stubs can raise', () => {
  test.each(all.map(({ route }) => [route.id, route] as const))('%s', (_, route) => {
    expect(undocumentedFailures(route)).toEqual([]);
  });
});

describe('the stubs answer every failure with a documented status, in its envelope', () => {
  test.each(all.map(({ route, provider: isProvider }) => [route.id, route, isProvider] as const))(
    '%s',
    async (_, route, isProvider) => {
      const server = isProvider ? provider : scalingo;
      const ok = (name: string) => `${name}-1`;
      const send = (what: string, options: InjectOptions) =>
        server.inject(options).then((response) => {
          expectDocumented(route, isProvider, response, what);
          return response;
        });
      const auth = { authorization: `Basic ${btoa('camille:secret')}` };
      const bearer = route.security.flat().some((s) => !/basic/i.test(s));
      const headers = bearer ? { authorization: 'Bearer secret' } : auth;
      const method = route.method;
      const secured = route.security.some((alternative) => alternative.length > 0);

      if (secured) {
        const anonymous = await send('without credentials', { method, url: url(route, isProvider, ok) });
        expect(anonymous.statusCode).toBe(401);
      }
      if (route.schemas.params) {
        await send('with a 2000-character path value', {
          method,
          headers,
          url: url(route, isProvider, () => MARK.repeat(200)),
        });
        await send('with a malformed escape in the path', {
          method,
          headers,
          url: url(route, isProvider, () => `${MARK}%E0%A4%zz`),
        });
      }
      const empty = await send('with Content-Type: application/json and no body', {
        method,
        headers: { ...headers, 'content-type': 'application/json' },
        url: url(route, isProvider, ok),
      });
      expect(empty.body).not.toMatch(/Body cannot be empty/);
      const query = invalidQuery(route);
      if (query) {
        await send('with a query value out of its schema', { method, headers, url: url(route, isProvider, ok, query) });
      }
      if (route.schemas.body && method !== 'GET') {
        const target = { method, url: url(route, isProvider, ok) };
        const malformed = await send('with malformed JSON', {
          ...target,
          headers: { ...headers, 'content-type': 'application/json' },
          payload: `{"${MARK}": `,
        });
        expect(malformed.statusCode).toBe(400);
        await send('with a form body', {
          ...target,
          headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
          payload: `${MARK}=1`,
        });
        await send('with a body over the limit', {
          ...target,
          headers: { ...headers, 'content-type': 'application/json' },
          payload: JSON.stringify({ [MARK]: 'x'.repeat(5000) }),
        });
        await send('with a JSON array', {
          ...target,
          headers: { ...headers, 'content-type': 'application/json' },
          payload: `["${MARK}"]`,
        });
      }
    },
  );

  test('a method a path does not have → 405 {error} with Allow, after the credentials', async () => {
    let checked = 0;
    const methods: Array<RouteSpec['method']> = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
    for (const { path, method: missing } of firstMissingMethods(routes, methods)) {
      const route = routes.find((r) => r.path === path)!;
      const target = url(route, false, (name) => `${name}-1`);
      const anonymous = await scalingo.inject({ method: missing as 'GET', url: target });
      expect(anonymous.statusCode, `${missing} ${path}`).toBe(401);
      const response = await scalingo.inject({
        method: missing as 'GET',
        url: target,
        headers: { authorization: route.service === 'database' ? 'Bearer db' : 'Bearer secret' },
      });
      expect(response.statusCode, `${missing} ${path}`).toBe(405);
      expect(Object.keys(response.json())).toEqual(['error']);
      expect(response.headers.allow).toBeDefined();
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
  });
});
