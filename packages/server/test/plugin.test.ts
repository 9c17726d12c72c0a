// The stubs' behaviour for every class of failure, in the API's own
// envelopes, on a real Fastify instance.
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Handlers, scalingoApi, serverOptions } from '../src/index.js';

const app = {
  id: 'ap-1',
  name: 'my-shop-prod',
  created_at: '2024-01-01T00:00:00.000Z',
  updated_at: '2024-01-01T00:00:00.000Z',
  git_url: 'git@x:y.git',
  url: 'https://my-shop-prod.example.org',
  owner: { id: 'us-1', username: 'camille', email: 'camille@example.org' },
};
const logs: Array<{ level: number; msg: string; [key: string]: unknown }> = [];

async function server(handlers: Handlers, options: Record<string, unknown> = {}): Promise<FastifyInstance> {
  const instance = Fastify({
    ...serverOptions(),
    logger: { level: 'warn', stream: { write: (line: string) => void logs.push(JSON.parse(line)) } },
  });
  await instance.register(scalingoApi, {
    prefix: '/v1',
    services: ['regional', 'auth'],
    handlers,
    authenticate: (c) => (c.scheme === 'bearer' && c.token === 'good' ? { user: 'camille' } : undefined),
    ...options,
  });
  await instance.ready();
  return instance;
}

const auth = { authorization: 'Bearer good' };
let api: FastifyInstance;

beforeAll(async () => {
  api = await server(
    {
      apps: {
        list: () => ({ status: 200, body: { apps: [app] } }),
        retrieve: ({ params }) =>
          params.app === app.name
            ? { status: 200, body: { app } }
            : { status: 404, body: { resource: 'app', error: 'not found' } },
        create: ({ body }) => ({ status: 201, body: { app: { ...app, name: body.app.name } } }),
        // A handler that breaks: the body must not leak it.
        rename: () => {
          throw new Error('database password is hunter2');
        },
        // A handler whose answer is outside the spec.
        delete: () => ({ status: 200, body: { deleted: true } }) as never,
      },
    },
    { bodyLimit: 1024 },
  );
});
afterAll(async () => {
  await api.close();
});

const request = (method: string, url: string, options: { payload?: string; headers?: Record<string, string> } = {}) =>
  api.inject({
    method: method as 'GET',
    url,
    payload: options.payload,
    headers: {
      ...auth,
      ...(options.payload !== undefined ? { 'content-type': 'application/json' } : {}),
      ...options.headers,
    },
  });

describe('server stubs', () => {
  test('a valid request reaches the handler and gets its documented answer', async () => {
    const response = await request('GET', '/v1/apps/my-shop-prod');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ app });
  });

  test('malformed JSON → 400 {error}, without quoting what was sent', async () => {
    const response = await request('POST', '/v1/apps', { payload: '{"app": {"name": "secret-name' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: 'There was a problem in the JSON you submitted: unexpected end of input',
    });
    const token = await request('POST', '/v1/apps', { payload: '{"app": hunter2}' });
    expect(token.json().error).toMatch(/^There was a problem in the JSON you submitted: unexpected character/);
    expect(token.body).not.toMatch(/hunter2/);
  });

  test("a body field that breaks the schema → 422 keyed by the field, without the root, in the API's words", async () => {
    const response = await request('POST', '/v1/apps', { payload: JSON.stringify({ app: { name: 'AnotherApp' } }) });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toEqual({ errors: { name: ['may only contain lowercase letters, digits and hyphens'] } });
  });

  test('several problems of one field are listed together', async () => {
    const response = await request('POST', '/v1/apps', { payload: JSON.stringify({ app: { name: 'Ab' } }) });
    expect(response.json()).toEqual({
      errors: {
        name: ['is too short (minimum is 6 characters)', 'may only contain lowercase letters, digits and hyphens'],
      },
    });
  });

  test('a missing root key → 422 "missing field", as the seed shows', async () => {
    const response = await request('POST', '/v1/apps', { payload: '{}' });
    expect(response.json()).toEqual({ errors: { app: ['missing field'] } });
  });

  test('a missing nested field → 422 naming the field', async () => {
    const response = await request('POST', '/v1/apps', { payload: '{"app": {}}' });
    expect(response.json()).toEqual({ errors: { name: ["can't be blank"] } });
  });

  test('a query parameter that breaks the schema → 422 keyed by its name', async () => {
    const response = await request('GET', '/v1/apps/my-shop-prod/events?per_page=many');
    expect(response.statusCode).toBe(422);
    expect(response.json()).toEqual({ errors: { per_page: ['should be an integer'] } });
    const over = await request('GET', '/v1/apps/my-shop-prod/events?per_page=1000');
    expect(over.json()).toEqual({ errors: { per_page: ['should be less than or equal to 100'] } });
  });

  test('Content-Type: application/json with no body is no body, on every method', async () => {
    // A required body read as empty: its missing root key is named.
    const post = await request('POST', '/v1/apps', { headers: { 'content-type': 'application/json' } });
    expect(post.json()).toEqual({ errors: { app: ['missing field'] } });
    for (const [method, url] of [
      ['GET', '/v1/apps'],
      ['DELETE', '/v1/apps/my-shop-prod?current_name=my-shop-prod'],
      ['POST', '/v1/apps/my-shop-prod/restart'],
    ] as const) {
      const response = await request(method, url, { headers: { 'content-type': 'application/json' } });
      expect(response.statusCode, `${method} ${url}: ${response.body}`).not.toBe(400);
    }
  });

  test('a body sent to an operation that takes none is ignored', async () => {
    const response = await request('GET', '/v1/apps/my-shop-prod/domains', {
      payload: 'not json at all',
      headers: { 'content-type': 'text/plain' },
    });
    expect(response.statusCode).toBe(501);
  });

  test('a body that is not JSON → 400 {error} (415 is not documented)', async () => {
    const response = await request('POST', '/v1/apps', {
      payload: 'app[name]=my-app',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ error: 'Request bodies are JSON: send Content-Type: application/json' });
  });

  test('application/*+json and charsets are JSON', async () => {
    const response = await request('POST', '/v1/apps', {
      payload: '{}',
      headers: { 'content-type': 'application/vnd.api+json; charset=utf-8' },
    });
    expect(response.json()).toEqual({ errors: { app: ['missing field'] } });
  });

  test('a path value breaking its schema → 404 naming the resource', async () => {
    const response = await request('GET', '/v1/apps/my-shop-prod/stats/not-a-metric');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ resource: 'metric', error: 'not found' });
  });

  test("a very long path value reaches the route (404 from the handler), never Fastify's 414 quoting the URL", async () => {
    const name = 'a'.repeat(3000);
    const response = await request('GET', `/v1/apps/${name}`);
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ resource: 'app', error: 'not found' });
  });

  test("a malformed percent-escape reaches the route as sent, never Fastify's 400 quoting the URL", async () => {
    for (const raw of ['%E0%A4%A', '%zz', '%C3%28', '100%']) {
      const response = await request('GET', `/v1/apps/${raw}`);
      expect(response.statusCode, raw).toBe(404);
      expect(response.json()).toEqual({ resource: 'app', error: 'not found' });
    }
  });

  test('missing credentials → 401 {error} with WWW-Authenticate', async () => {
    const response = await api.inject({ method: 'GET', url: '/v1/apps' });
    expect(response.statusCode).toBe(401);
    expect(Object.keys(response.json())).toEqual(['error']);
    expect(response.headers['www-authenticate']).toMatch(/Bearer/);
  });

  test('wrong credentials → 401 from the authenticate hook', async () => {
    const response = await request('GET', '/v1/apps', { headers: { authorization: 'Bearer bad' } });
    expect(response.statusCode).toBe(401);
  });

  test('credentials are checked before the body is parsed', async () => {
    const response = await api.inject({
      method: 'POST',
      url: '/v1/apps',
      payload: '{"app": {',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.statusCode).toBe(401);
  });

  test('a public operation needs no credentials', async () => {
    const response = await api.inject({ method: 'GET', url: '/v1/addon_categories' });
    expect(response.statusCode).toBe(501);
  });

  test('unknown path → 404 JSON', async () => {
    const response = await request('GET', '/v1/no-such-thing');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ resource: 'route', error: 'not found' });
  });

  test('credentials come before the route and the method: 401 first', async () => {
    for (const [method, url] of [
      ['GET', '/v1/no-such-thing'],
      ['PUT', '/v1/apps'],
      ['DELETE', '/v1/addon_categories'],
      ['GET', '/v1/apps/my-shop-prod/events?per_page=many'],
      ['GET', `/v1/apps/${'a'.repeat(500)}`],
    ] as const) {
      const anonymous = await api.inject({ method, url });
      expect(anonymous.statusCode, `${method} ${url}`).toBe(401);
      expect(Object.keys(anonymous.json())).toEqual(['error']);
      const wrong = await api.inject({ method, url, headers: { authorization: 'Bearer bad' } });
      expect(wrong.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  test('known path, wrong method → 405 JSON with Allow', async () => {
    const response = await request('PUT', '/v1/apps');
    expect(response.statusCode).toBe(405);
    expect(response.headers.allow).toBe('GET, HEAD, POST');
    expect(response.json().error).toMatch(/PUT/);
  });

  test('HEAD is answered for a readable resource, without a body', async () => {
    const response = await request('HEAD', '/v1/apps/my-shop-prod');
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('');
    expect(response.headers['content-type']).toMatch(/json/);
  });

  test('a handler that throws → 500 {error} without internals; logged server side', async () => {
    logs.length = 0;
    const response = await request('POST', '/v1/apps/my-shop-prod/rename', {
      payload: JSON.stringify({ current_name: 'my-shop-prod', new_name: 'my-shop-next' }),
    });
    expect(response.statusCode).toBe(500);
    expect(Object.keys(response.json())).toEqual(['error']);
    expect(response.body).not.toMatch(/hunter2|at .*\.ts|stack/);
    expect(JSON.stringify(logs)).toMatch(/hunter2/);
  });

  test('an operation with no handler → 501 JSON', async () => {
    const response = await request('GET', '/v1/apps/my-shop-prod/domains');
    expect(response.statusCode).toBe(501);
    expect(response.json().error).toMatch(/apps\.domains\.list/);
  });

  test('a body over the limit → 400 {error} (the spec documents no 413 here), and the server stays up', async () => {
    const response = await request('POST', '/v1/apps', {
      payload: JSON.stringify({ app: { name: 'x'.repeat(5000) } }),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ error: 'The request body is larger than 1024 bytes' });
    expect((await request('GET', '/v1/apps')).statusCode).toBe(200);
  });

  test('an answer outside the spec is reported loudly (500 + error log) in test mode', async () => {
    logs.length = 0;
    const response = await request('DELETE', '/v1/apps/my-shop-prod?current_name=my-shop-prod');
    expect(response.statusCode).toBe(500);
    expect(response.json().error).toMatch(/outside its specification/);
    const logged = logs.find((l) => l.level >= 50 && /apps\.delete/.test(l.msg));
    expect(logged?.msg).toMatch(/status 200 is not documented/);
  });

  test("'warn' validation lets the answer through and logs it", async () => {
    const lenient = await server(
      { apps: { delete: () => ({ status: 200, body: {} }) as never } },
      { responseValidation: 'warn' },
    );
    logs.length = 0;
    const response = await lenient.inject({ method: 'DELETE', url: '/v1/apps/x?current_name=x', headers: auth });
    expect(response.statusCode).toBe(200);
    expect(logs.some((l) => l.level === 40 && /not documented/.test(l.msg))).toBe(true);
    await lenient.close();
  });

  test("fallback 'examples' answers the documented example", async () => {
    const mock = await server({}, { fallback: 'examples' });
    const response = await mock.inject({ method: 'GET', url: '/v1/apps/my-shop-prod/domains', headers: auth });
    expect(response.statusCode).toBe(200);
    expect(response.json().domains.length).toBeGreaterThan(0);
    await mock.close();
  });

  test('each API can be mounted on its own', async () => {
    const database = Fastify();
    await database.register(scalingoApi, { services: ['database'], handlers: {}, fallback: 'examples' });
    const ok = await database.inject({ method: 'GET', url: '/api/databases/ad-1', headers: auth });
    expect(ok.statusCode).toBe(200);
    expect((await database.inject({ method: 'GET', url: '/apps', headers: auth })).statusCode).toBe(404);
    await database.close();
  });
});
