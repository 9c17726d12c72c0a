// The hand-written runtime, against a local server that injects faults:
// retries, timeouts, POST not retried, pagination, token exchange and
// refresh, typed errors, and credentials kept out of every message.
import { inspect } from 'node:util';
import { describe, expect, test } from 'vitest';
import {
  APIConnectionError,
  APITimeoutError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  type ClientOptions,
  ConflictError,
  createClient,
  InternalServerError,
  NotFoundError,
  OperationFailedError,
  PaymentRequiredError,
  PermissionDeniedError,
  RateLimitError,
  ScalingoError,
  UnprocessableEntityError,
} from '../src/index.js';
import { drop, json, jwt, silence, text, useFaultServer } from './support/fault-server.js';

/** For calls that must fail: the answer is the error they rejected with. */
const unexpected = (): never => {
  throw new Error('expected the call to fail');
};

const TOKEN = 'tk-us-secret-api-token-do-not-leak';
const server = useFaultServer();

function client(options: ClientOptions = {}) {
  return createClient({
    baseUrls: { regional: server.url, auth: server.url, database: server.url },
    bearerToken: 'bearer-for-tests',
    retry: { baseDelayMs: 5, maxDelayMs: 50 },
    ...options,
  });
}

const app = { id: 'ap-1', name: 'my-shop-prod' };

describe('requests', () => {
  test('path, query, headers and body go where the spec says; the envelope is unwrapped', async () => {
    server.answer(json(201, { app }));
    const created = await client().apps.create({ app: { name: 'my-shop-prod' }, 'X-Dry-Run': true });
    expect(created).toEqual(app);
    const [request] = server.requests;
    expect(request).toMatchObject({ method: 'POST', url: '/apps' });
    expect(JSON.parse(request!.body)).toEqual({ app: { name: 'my-shop-prod' } });
    expect(request!.headers['x-dry-run']).toBe('true');
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.headers.authorization).toBe('Bearer bearer-for-tests');
  });

  test('the innermost path parameter is positional, the others come from params', async () => {
    server.answer(json(200, { variable: { id: 'v1', name: 'A', value: 'b' } }));
    await client().apps.variables.update('v1', { app: 'my-shop-prod', variable: { value: 'b' } });
    expect(server.requests[0]).toMatchObject({ method: 'PATCH', url: '/apps/my-shop-prod/variables/v1' });
  });

  test('per-request headers are sent (X-Request-ID, one-time password)', async () => {
    server.answer(json(200, { apps: [] }));
    await client().apps.list({ headers: { 'X-Request-ID': 'req-42', 'X-Authorization-OTP': '123456' } });
    expect(server.requests[0]!.headers['x-request-id']).toBe('req-42');
    expect(server.requests[0]!.headers['x-authorization-otp']).toBe('123456');
  });

  test('withResponse() gives the raw Response', async () => {
    server.answer(json(200, { apps: [app] }, { 'x-request-id': 'abc' }));
    const { data, response } = await client().apps.list().withResponse();
    expect(data).toEqual([app]);
    expect(response.headers.get('x-request-id')).toBe('abc');
  });

  test('a missing positional argument is refused before any request', async () => {
    await expect(client().apps.retrieve('')).rejects.toThrow(TypeError);
    expect(server.requests).toHaveLength(0);
  });
});

describe('errors', () => {
  test.each([
    [400, { error: 'bad json' }, BadRequestError],
    [401, { error: 'invalid token' }, AuthenticationError],
    [402, { error: 'pay first', url: 'https://dashboard.scalingo.com/billing' }, PaymentRequiredError],
    [403, { error: 'forbidden', code: 'forbidden' }, PermissionDeniedError],
    [404, { resource: 'app', error: 'not found' }, NotFoundError],
    [409, { error: 'busy' }, ConflictError],
    [422, { errors: { name: ['is invalid'] } }, UnprocessableEntityError],
    [429, { error: 'slow down', code: 'rate_limited' }, RateLimitError],
    [500, { error: 'oops' }, InternalServerError],
    [503, { error: 'maintenance' }, InternalServerError],
  ])('%i → %s with the body fields', async (status, body, ErrorClass) => {
    server.answer(json(status, body));
    const error = await client({ retry: { maxRetries: 0 } })
      .apps.retrieve('my-shop-prod')
      .then(unexpected, (e: unknown) => e as ScalingoError);
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toBeInstanceOf(ScalingoError);
    expect(error.status).toBe(status);
    expect(error.body).toEqual(body);
    expect(error.method).toBe('GET');
    expect(error.path).toBe('/apps/{app}');
    expect(error.message).toContain('GET /apps/{app}');
  });

  test('typed accessors: resource, url, errors, code, otpRequired', async () => {
    const c = client({ retry: { maxRetries: 0 } });
    server.answer(json(404, { resource: 'app', error: 'not found' }));
    expect((await c.apps.retrieve('x').then(unexpected, (e: unknown) => e as NotFoundError)).resource).toBe('app');
    server.answer(json(402, { error: 'pay', url: 'https://dashboard.scalingo.com/billing' }));
    expect(
      (await c.apps.create({ app: { name: 'second-app' } }).then(unexpected, (e: unknown) => e as PaymentRequiredError))
        .url,
    ).toBe('https://dashboard.scalingo.com/billing');
    server.answer(json(422, { errors: { name: ['too short'] } }));
    expect(
      (
        await c.apps
          .create({ app: { name: 'second-app' } })
          .then(unexpected, (e: unknown) => e as UnprocessableEntityError)
      ).errors,
    ).toEqual({
      name: ['too short'],
    });
    server.answer(json(403, { error: 'no', code: 'limited_collaborator' }));
    expect((await c.apps.retrieve('x').then(unexpected, (e: unknown) => e as PermissionDeniedError)).code).toBe(
      'limited_collaborator',
    );
    server.answer(json(401, { error: 'OTP Required' }));
    expect((await c.apps.retrieve('x').then(unexpected, (e: unknown) => e as AuthenticationError)).otpRequired).toBe(
      true,
    );
  });

  test('a 429 with a plain-text body keeps the text and Retry-After', async () => {
    server.answer(text(429, 'Retry later', { 'retry-after': '7' }));
    const error = await client({ retry: { maxRetries: 0 } })
      .apps.list()
      .then(unexpected, (e: unknown) => e as RateLimitError);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.body).toBe('Retry later');
    expect(error.retryAfter).toBe(7);
  });

  test('a dropped connection is an APIConnectionError', async () => {
    server.answer(drop);
    const error = await client({ retry: { maxRetries: 0 } })
      .apps.list()
      .then(unexpected, (e: unknown) => e as ScalingoError);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error.status).toBeUndefined();
  });
});

describe('retries', () => {
  test('GET: 503 then 200 succeeds after one retry', async () => {
    server.answer(json(503, { error: 'busy' }), json(200, { apps: [app] }));
    await expect(client().apps.list()).resolves.toEqual([app]);
    expect(server.requests).toHaveLength(2);
  });

  test('GET: a dropped connection is retried', async () => {
    server.answer(drop, json(200, { apps: [] }));
    await expect(client().apps.list()).resolves.toEqual([]);
    expect(server.requests).toHaveLength(2);
  });

  test('gives up after maxRetries (default 2: three attempts)', async () => {
    server.answer(json(500, { error: 'down' }));
    await expect(client().apps.list()).rejects.toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(3);
  });

  test('maxRetries is configurable per client and per request', async () => {
    server.answer(json(500, { error: 'down' }));
    await expect(client({ retry: { maxRetries: 4, baseDelayMs: 1 } }).apps.list()).rejects.toThrow();
    expect(server.requests).toHaveLength(5);
    server.requests.length = 0;
    await expect(client().apps.list({ maxRetries: 0 })).rejects.toThrow();
    expect(server.requests).toHaveLength(1);
  });

  test('429 honours Retry-After before retrying', async () => {
    server.answer(json(429, { error: 'slow' }, { 'retry-after': '1' }), json(200, { apps: [] }));
    const started = Date.now();
    await client({ retry: { maxDelayMs: 5000 } }).apps.list();
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(server.requests).toHaveLength(2);
  });

  test('POST is never retried unless the caller says it is idempotent', async () => {
    server.answer(json(503, { error: 'busy' }));
    await expect(client().apps.create({ app: { name: 'my-shop-prod' } })).rejects.toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(1);
    server.requests.length = 0;
    server.answer(json(503, { error: 'busy' }), json(201, { app }));
    await expect(client().apps.create({ app: { name: 'my-shop-prod' } }, { idempotent: true })).resolves.toEqual(app);
    expect(server.requests).toHaveLength(2);
  });

  test('PUT is retried (idempotent by definition)', async () => {
    server.answer(json(502, { error: 'gateway' }), json(200, { variables: [] }));
    await client().apps.variables.bulkUpdate('my-shop-prod', { variables: [{ name: 'A', value: '1' }] });
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]!.body).toBe(server.requests[0]!.body);
  });
});

describe('timeouts and cancellation', () => {
  test('an answer that never comes times out (and is retried, then fails)', async () => {
    server.answer(silence);
    const started = Date.now();
    const error = await client({ timeout: 100, retry: { maxRetries: 1, baseDelayMs: 1 } })
      .apps.list()
      .then(unexpected, (e: unknown) => e as ScalingoError);
    expect(error).toBeInstanceOf(APITimeoutError);
    expect(server.requests).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  test('per-request timeout', async () => {
    server.answer(silence);
    await expect(client().apps.list({ timeout: 50, maxRetries: 0 })).rejects.toBeInstanceOf(APITimeoutError);
  });

  test('a body that stops coming times out too: the timeout covers the whole attempt', async () => {
    server.answer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      response.write('{"apps": [');
    });
    const error = await client({ timeout: 100 })
      .apps.list()
      .then(unexpected, (e: unknown) => e);
    expect(error).toBeInstanceOf(APITimeoutError);
    expect(server.requests).toHaveLength(1);
  });

  test('the caller signal aborts without retry', async () => {
    server.answer(silence);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await expect(client().apps.list({ signal: controller.signal })).rejects.toBeInstanceOf(APIUserAbortError);
    expect(server.requests).toHaveLength(1);
  });
});

describe('pagination', () => {
  const page = (n: number, total: number) =>
    json(200, {
      events: [{ id: `e${n}` }],
      meta: {
        pagination: {
          prev_page: n > 1 ? n - 1 : null,
          current_page: n,
          next_page: n < total ? n + 1 : null,
          total_pages: total,
          total_count: total,
        },
      },
    });

  test('await gives one page with its items and meta.pagination', async () => {
    server.answer(page(1, 3));
    const first = await client().apps.events.list('my-shop-prod', { per_page: 1 });
    expect(first.items).toEqual([{ id: 'e1' }]);
    expect(first.pagination).toMatchObject({ current_page: 1, next_page: 2, total_pages: 3 });
    expect(first.hasNextPage()).toBe(true);
    expect(server.requests[0]!.url).toBe('/apps/my-shop-prod/events?per_page=1');
  });

  test('for await fetches the next pages lazily and stops at next_page: null', async () => {
    server.answer(page(1, 3), page(2, 3), page(3, 3));
    const ids: string[] = [];
    for await (const event of client().apps.events.list('my-shop-prod', { per_page: 1 }))
      ids.push((event as { id: string }).id);
    expect(ids).toEqual(['e1', 'e2', 'e3']);
    const sent = server.requests.map((r) => new URL(r.url, 'http://x'));
    expect(sent.map((u) => u.pathname)).toEqual(Array(3).fill('/apps/my-shop-prod/events'));
    expect(sent.map((u) => u.searchParams.get('page'))).toEqual([null, '2', '3']);
    expect(sent.every((u) => u.searchParams.get('per_page') === '1')).toBe(true);
  });

  test('breaking out of the loop fetches no further page', async () => {
    server.answer(page(1, 5), page(2, 5));
    for await (const _ of client().apps.events.list('my-shop-prod')) break;
    expect(server.requests).toHaveLength(1);
  });
});

describe('authentication', () => {
  test('the API token is exchanged once for a Bearer token, then cached', async () => {
    const bearer = jwt();
    server.answer((req, res) => {
      if (req.url === '/tokens/exchange') return json(200, { token: bearer })(req, res);
      return json(200, { apps: [] })(req, res);
    });
    const c = client({ bearerToken: undefined, token: TOKEN });
    await Promise.all([c.apps.list(), c.apps.list()]);
    await c.apps.list();
    const exchanges = server.requests.filter((r) => r.url === '/tokens/exchange');
    expect(exchanges).toHaveLength(1);
    expect(exchanges[0]!.method).toBe('POST');
    expect(exchanges[0]!.headers.authorization).toBe(`Basic ${Buffer.from(`:${TOKEN}`).toString('base64')}`);
    for (const r of server.requests.filter((q) => q.url === '/apps'))
      expect(r.headers.authorization).toBe(`Bearer ${bearer}`);
  });

  test('an expired Bearer token is exchanged again', async () => {
    const tokens = [jwt(10), jwt(3600)];
    server.answer((req, res) =>
      req.url === '/tokens/exchange'
        ? json(200, { token: tokens.shift() })(req, res)
        : json(200, { apps: [] })(req, res),
    );
    const c = client({ bearerToken: undefined, token: TOKEN });
    await c.apps.list();
    await c.apps.list();
    expect(server.requests.filter((r) => r.url === '/tokens/exchange')).toHaveLength(2);
  });

  test('a 401 refreshes the Bearer token once and replays the request', async () => {
    const [old, fresh] = [jwt(3600, 'old'), jwt(3600, 'fresh')];
    const tokens = [old, fresh];
    server.answer((req, res) => {
      if (req.url === '/tokens/exchange') return json(200, { token: tokens.shift() })(req, res);
      if (req.headers.authorization === `Bearer ${old}`) return json(401, { error: 'token revoked' })(req, res);
      return json(200, { apps: [app] })(req, res);
    });
    await expect(client({ bearerToken: undefined, token: TOKEN }).apps.list()).resolves.toEqual([app]);
    expect(server.requests.map((r) => r.url)).toEqual(['/tokens/exchange', '/apps', '/tokens/exchange', '/apps']);
  });

  test('a second 401 is an AuthenticationError, not a loop', async () => {
    server.answer((req, res) =>
      req.url === '/tokens/exchange' ? json(200, { token: jwt() })(req, res) : json(401, { error: 'no' })(req, res),
    );
    await expect(client({ bearerToken: undefined, token: TOKEN }).apps.list()).rejects.toBeInstanceOf(
      AuthenticationError,
    );
    expect(server.requests.filter((r) => r.url === '/apps')).toHaveLength(2);
  });

  test("auth: 'basic' sends the token as the Basic password (the 2015 scheme)", async () => {
    server.answer(json(200, { apps: [] }));
    await client({ bearerToken: undefined, token: TOKEN, auth: 'basic' }).apps.list();
    expect(server.requests[0]!.headers.authorization).toBe(`Basic ${Buffer.from(`:${TOKEN}`).toString('base64')}`);
  });

  test('a public operation sends no credentials', async () => {
    server.answer(json(200, { addon_categories: [] }));
    await client({ bearerToken: undefined, token: TOKEN }).addonCategories.list();
    expect(server.requests[0]!.headers.authorization).toBeUndefined();
  });

  test('the database API gets the database token', async () => {
    server.answer(json(200, { database: { id: 'ad-1' } }));
    const seen: string[] = [];
    await client({
      databaseToken: (id) => {
        seen.push(id);
        return 'db-token';
      },
    }).db.databases.retrieve('ad-1');
    expect(seen).toEqual(['ad-1']);
    expect(server.requests[0]!.headers.authorization).toBe('Bearer db-token');
  });

  test('the token appears in no error message, toString(), JSON or inspect', async () => {
    server.answer(json(401, { error: 'bad credentials' }));
    const c = client({ bearerToken: undefined, token: TOKEN, auth: 'basic' });
    const error = await c.apps.list().then(unexpected, (e: unknown) => e as ScalingoError);
    const basic = Buffer.from(`:${TOKEN}`).toString('base64');
    for (const text of [
      error.message,
      String(error),
      error.stack,
      String(c),
      JSON.stringify(c),
      inspect(c, { depth: 5, showHidden: true }),
    ]) {
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain(basic);
    }
  });
});

describe('servers', () => {
  test('region picks the regional host; every operation goes to its own server', async () => {
    const urls: string[] = [];
    const fetch = async (input: RequestInfo | URL) => {
      urls.push(String(input));
      return new Response(JSON.stringify({ apps: [], tokens: [], database: {} }), {
        headers: { 'content-type': 'application/json' },
      });
    };
    const c = createClient({
      bearerToken: 'b',
      region: 'osc-secnum-fr1',
      databaseToken: 'd',
      fetch: fetch as typeof globalThis.fetch,
    });
    await c.apps.list();
    await c.tokens.list();
    await c.db.databases.retrieve('ad-1');
    expect(urls).toEqual([
      'https://api.osc-secnum-fr1.scalingo.com/v1/apps',
      'https://auth.scalingo.com/v1/tokens',
      'https://db-api.osc-secnum-fr1.scalingo.com/api/databases/ad-1',
    ]);
  });

  test('baseUrl replaces the origin of every server and keeps its path (sandbox)', async () => {
    const c = createClient({ bearerToken: 'b', baseUrl: 'http://127.0.0.1:9999' });
    expect(await c.baseUrl('regional')).toBe('http://127.0.0.1:9999/v1');
    expect(await c.baseUrl('auth')).toBe('http://127.0.0.1:9999/v1');
    expect(await c.baseUrl('database')).toBe('http://127.0.0.1:9999');
    expect(await c.baseUrl('billing')).toBe('http://127.0.0.1:9999');
  });

  test('plain http is refused unless loopback or explicitly allowed', () => {
    expect(() => createClient({ baseUrl: 'http://api.example.org' })).toThrow(/HTTPS only/);
    expect(() => createClient({ baseUrls: { regional: 'http://10.0.0.5:8080' } })).toThrow(/HTTPS only/);
    expect(() => createClient({ baseUrl: 'http://localhost:8080' })).not.toThrow();
    expect(() => createClient({ baseUrl: 'http://10.0.0.5:8080', allowInsecureHttp: true })).not.toThrow();
  });

  test('regions can be discovered from GET /regions (cached)', async () => {
    server.answer((req, res) => {
      if (req.url === '/regions') {
        return json(200, {
          regions: [
            {
              name: 'osc-secnum-fr1',
              display_name: 'SecNum',
              api: `${server.url}/secnum`,
              database_api: `${server.url}/db`,
              dashboard: 'https://x',
              ssh: 'x:22',
            },
          ],
        })(req, res);
      }
      return json(200, { apps: [] })(req, res);
    });
    const c = createClient({
      bearerToken: 'b',
      region: 'osc-secnum-fr1',
      discoverRegions: true,
      baseUrls: { auth: server.url },
    });
    await c.apps.list();
    await c.apps.list();
    expect(server.requests.map((r) => r.url)).toEqual(['/regions', '/secnum/v1/apps', '/secnum/v1/apps']);
  });

  test('the billing host has no region: its calls never wait for region discovery', async () => {
    server.answer(json(200, { profile: { id: 'bp-1', name: 'Camille Martin', email: 'billing@example.org' } }));
    const c = createClient({ bearerToken: 'b', discoverRegions: true, baseUrls: { billing: server.url } });
    expect((await c.billingProfiles.retrieve()).id).toBe('bp-1');
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /profile']);
  });
});

describe('asynchronous operations', () => {
  test('scale answers the formation and an operation handle that polls until done', async () => {
    const states = ['pending', 'running', 'done'];
    server.answer((req, res) => {
      if (req.url === '/v1/apps/my-shop-prod/scale') {
        return json(
          202,
          { containers: [{ name: 'web', amount: 2 }] },
          { location: `${server.url}/v1/apps/my-shop-prod/operations/op-1` },
        )(req, res);
      }
      return json(200, { operation: { id: 'op-1', status: states.shift(), type: 'scale' } })(req, res);
    });
    const c = createClient({ bearerToken: 'b', baseUrl: server.url, retry: { baseDelayMs: 1 } });
    const scaling = await c.apps.scale('my-shop-prod', { containers: [{ name: 'web', amount: 2 }] });
    expect(scaling.result).toEqual([{ name: 'web', amount: 2 }]);
    expect(scaling.operationId).toBe('op-1');
    const done = await scaling.wait({ intervalMs: 5 });
    expect(done.status).toBe('done');
    expect(server.requests.filter((r) => r.url === '/v1/apps/my-shop-prod/operations/op-1')).toHaveLength(3);
  });

  test('wait() rejects with OperationFailedError when the operation fails', async () => {
    server.answer((req, res) => {
      if (req.method === 'POST')
        return json(202, { containers: [] }, { location: `${server.url}/v1/apps/a/operations/op-2` })(req, res);
      return json(200, { operation: { id: 'op-2', status: 'error', type: 'scale', error: 'no capacity' } })(req, res);
    });
    const c = createClient({ bearerToken: 'b', baseUrl: server.url });
    const scaling = await c.apps.scale('a', { containers: [{ name: 'web', amount: 9 }] });
    await expect(scaling.wait({ intervalMs: 5 })).rejects.toBeInstanceOf(OperationFailedError);
  });

  test('a database API operation is polled on the database API with the database token', async () => {
    server.answer((req, res) => {
      if (req.method === 'POST')
        return json(202, { database: { id: 'ad-1' } }, { location: `${server.url}/api/operations/op-db` })(req, res);
      return json(200, { operation: { id: 'op-db', status: 'done', type: 'upgrade' } })(req, res);
    });
    const c = createClient({ bearerToken: 'b', baseUrl: server.url, databaseToken: (id) => `db-token-for-${id}` });
    const upgrading = (await c.db.databases.upgrade('ad-1')) as unknown as {
      wait(o: object): Promise<{ status: string }>;
    };
    expect((await upgrading.wait({ intervalMs: 5 })).status).toBe('done');
    const poll = server.requests.find((r) => r.url === '/api/operations/op-db')!;
    expect(poll.headers.authorization).toBe('Bearer db-token-for-ad-1');
  });
});

describe('rate limit', () => {
  test('the opt-in limiter queues requests beyond the window instead of sending them', async () => {
    server.answer(json(200, { apps: [] }));
    const c = client({ rateLimit: { requests: 2, intervalMs: 300 } });
    const started = Date.now();
    await Promise.all([c.apps.list(), c.apps.list(), c.apps.list(), c.apps.list()]);
    expect(server.requests).toHaveLength(4);
    // Four requests at two per 300 ms need at least one full window of waiting.
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });
});
