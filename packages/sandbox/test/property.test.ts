// A Schemathesis-style run over every operation of the sandbox, generated
// from the spec's schemas (fast-check, bounded in count and time): requests
// that follow the schemas, bodies and query values that break them, and the
// edge cases a framework refuses on its own (long or badly escaped path
// values, an empty JSON body, a form body, a method the path lacks). Checks:
// no server error, only statuses the operation documents, bodies that
// validate against the documented schema. The figures are printed at the end.

import { serverBasePath } from '@scalingo-openapi/mock';
import { createSandbox, type Sandbox } from '@scalingo-openapi/sandbox';
import { specValidator } from '@scalingo-openapi/test-support/ajv';
import { undocumented } from '@scalingo-openapi/test-support/documented';
import { firstMissingMethods } from '@scalingo-openapi/test-support/missing-methods';
import { exampleValue } from '@scalingo-openapi/test-support/requests';
import { arbitraryFor } from '@scalingo-openapi/test-support/schema-arbitrary';
import {
  deref,
  type Json,
  label,
  loadSpec,
  type OperationEntry,
  operations,
} from '@scalingo-openapi/test-support/spec';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bearerFor, freeDatabaseAddon } from './support/inject.js';

const spec = await loadSpec();
const validator = specValidator(spec);
const all = operations(spec).filter((e) => e.method !== 'head' && !e.path.startsWith('/provider/'));
let sandbox: Sandbox;
let bearer: string;
let databaseToken: string;
const LEAVING = 'tk-us-leaving-account';

beforeAll(async () => {
  // Closing an account (`users.delete`) is tried on an account of its own, so that the run keeps its user.
  sandbox = await createSandbox({
    user: { username: 'sandbox', paymentMethod: true },
    users: [{ username: 'leaving', token: LEAVING }],
  });
  bearer = await bearerFor(sandbox, sandbox.token);
  const headers = { authorization: `Bearer ${bearer}` };
  await sandbox.app.inject({ method: 'POST', url: '/v1/apps', headers, payload: { app: { name: 'my-shop-prod' } } });
  // A database addon, for a token the database API accepts.
  databaseToken = (await freeDatabaseAddon(sandbox, bearer, 'my-shop-prod')).token;
});
afterAll(async () => {
  await sandbox?.close();
  const statuses = Object.entries(figures.statuses)
    .sort()
    .map(([status, count]) => `${status}×${count}`)
    .join(' ');
  console.log(
    `Schemathesis-style run: ${all.length} operations, ${figures.requests} requests in ${((performance.now() - started) / 1000).toFixed(1)} s ` +
      `(${figures.positive} schema-shaped, ${figures.negative} breaking the schema, ${figures.edge} edge cases, ${figures.methods} unsupported methods); ` +
      `statuses ${statuses}; undocumented statuses, schema violations and server errors: ${figures.problems}`,
  );
});

const started = performance.now();
const figures = {
  requests: 0,
  positive: 0,
  negative: 0,
  edge: 0,
  methods: 0,
  problems: 0,
  statuses: {} as Record<string, number>,
};
type Kind = 'positive' | 'negative' | 'edge' | 'methods';
function count(kind: Kind, status: number) {
  figures.requests++;
  figures[kind]++;
  figures.statuses[status] = (figures.statuses[status] ?? 0) + 1;
}
/** Bounded in count and in time, the same seed every run. */
const RUN = { seed: 20261129, endOnFailure: true, interruptAfterTimeLimit: 4000 };

function requestArbitrary(entry: OperationEntry, body: fc.Arbitrary<unknown> | undefined) {
  const path = fc.record(
    Object.fromEntries(
      entry.parameters
        .filter((p) => p.in === 'path')
        .map((p) => [
          p.name,
          fc.oneof(fc.constant(String(exampleValue(spec, p))), fc.stringMatching(/^[a-z0-9-]{1,20}$/)),
        ]),
    ),
  );
  const query = fc.record(
    Object.fromEntries(
      entry.parameters.filter((p) => p.in === 'query').map((p) => [p.name, arbitraryFor(spec, p.schema)]),
    ),
    { requiredKeys: [] },
  );
  return fc.record({ path, query, body: body ?? fc.constant(undefined) });
}

async function send(
  entry: OperationEntry,
  input: { path: Record<string, unknown>; query: Record<string, unknown>; body: unknown },
  rawBody?: string,
  contentType = 'application/json',
  rawPath?: (name: string) => string,
) {
  const url = entry.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
    rawPath ? rawPath(name) : encodeURIComponent(String(input.path[name])),
  );
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(input.query)) {
    for (const item of [].concat(value as never))
      search.append(key, typeof item === 'object' ? JSON.stringify(item) : String(item));
  }
  // The sandbox serves each path under its server's base path (`/v1`, none for the database and billing hosts).
  const server = (entry.operation.servers ?? entry.pathItem.servers ?? spec.servers)[0];
  const prefix = serverBasePath(server);
  const schemes = (entry.operation.security ?? []).flatMap((r: object) => Object.keys(r));
  const authorization =
    entry.operation.operationId === 'users.delete'
      ? `Basic ${btoa(`:${LEAVING}`)}`
      : schemes.includes('databaseBearerAuth')
        ? `Bearer ${databaseToken}`
        : schemes.includes('accountBasicAuth') && !schemes.includes('bearerAuth')
          ? `Basic ${btoa('sandbox:sandbox-password')}`
          : schemes.includes('basicAuth') && !schemes.includes('bearerAuth')
            ? `Basic ${btoa(`:${sandbox.token}`)}`
            : `Bearer ${bearer}`;
  const payload = rawBody ?? (input.body === undefined ? undefined : JSON.stringify(input.body));
  return sandbox.app.inject({
    method: entry.method.toUpperCase() as 'GET',
    url: `${prefix}${url}${search.size ? `?${search}` : ''}`,
    headers: { authorization, ...(payload !== undefined ? { 'content-type': contentType } : {}) },
    ...(payload !== undefined ? { payload } : {}),
  });
}

function expectDocumented(
  entry: OperationEntry,
  response: { statusCode: number; body: string; headers: Json },
  kind: Kind,
) {
  count(kind, response.statusCode);
  const problems = [
    ...(response.statusCode >= 500 ? [`server error ${response.statusCode}`] : []),
    ...undocumented(spec, validator, entry, {
      status: response.statusCode,
      contentType: response.headers['content-type'],
      body: response.body,
    }),
  ];
  figures.problems += problems.length;
  expect(problems, label(entry)).toEqual([]);
}

/** A value that breaks a query parameter's schema, where the schema refuses something. */
function invalidValue(schema: Json): fc.Arbitrary<string> | undefined {
  const resolved = deref(spec, schema ?? {});
  const type: string[] = [].concat(resolved.type ?? []);
  if (type.includes('integer') || type.includes('number'))
    return fc.oneof(
      fc.constantFrom('many', '1.5x', ''),
      ...(resolved.minimum !== undefined ? [fc.constant(String(resolved.minimum - 1))] : []),
      ...(resolved.maximum !== undefined ? [fc.constant(String(resolved.maximum + 1))] : []),
    );
  if (type.includes('boolean')) return fc.constantFrom('maybe', 'yes please');
  if (resolved.enum) return fc.string({ minLength: 1, maxLength: 8 }).filter((v) => !resolved.enum.includes(v));
  if (resolved.format === 'date' || resolved.format === 'date-time') return fc.constantFrom('yesterday', '2024-13-45');
  if (resolved.format === 'uuid') return fc.constantFrom('not-a-uuid', '1234');
  return undefined;
}

describe('property-based requests', () => {
  test.each(all.map((e) => [label(e), e] as const))(
    '%s: schema-shaped requests get documented answers, never a server error',
    async (_, entry) => {
      const media =
        entry.operation.requestBody && deref(spec, entry.operation.requestBody).content?.['application/json'];
      await fc.assert(
        fc.asyncProperty(
          requestArbitrary(entry, media ? arbitraryFor(spec, media.schema) : undefined),
          async (input) => {
            expectDocumented(entry, await send(entry, input), 'positive');
          },
        ),
        { ...RUN, numRuns: 12 },
      );
    },
  );

  const withBody = all.filter((e) => e.operation.requestBody);
  test.each(withBody.map((e) => [label(e), e] as const))(
    '%s: bodies that break the schema get 400 or 422 with their envelope',
    async (_, entry) => {
      const junk = fc.oneof(
        fc.constantFrom('{"', 'not json', '[1,', '{"a": }'),
        fc
          .jsonValue({ maxDepth: 3 })
          .filter((v) => v === null || typeof v !== 'object' || Array.isArray(v))
          .map((v) => JSON.stringify(v)),
        fc
          .dictionary(
            fc.string({ maxLength: 8 }).filter((k) => !k.match(/^[a-z_]+$/)),
            fc.jsonValue({ maxDepth: 1 }),
            { minKeys: 1, maxKeys: 3 },
          )
          .map((v) => JSON.stringify(v)),
      );
      await fc.assert(
        fc.asyncProperty(requestArbitrary(entry, undefined), junk, async (input, raw) => {
          const exampleInput = {
            ...input,
            path: Object.fromEntries(
              Object.keys(input.path).map((k) => [
                k,
                String(
                  exampleValue(
                    spec,
                    entry.parameters.find((p) => p.name === k),
                  ),
                ),
              ]),
            ),
          };
          const response = await send(entry, exampleInput, raw);
          expectDocumented(entry, response, 'negative');
          let parsed: unknown;
          try {
            parsed = JSON.parse(raw);
          } catch {
            // Not JSON at all: 400 {error}.
            expect(response.statusCode, response.body).toBe(400);
            return;
          }
          const bodyPointer = `${entry.operation.requestBody.$ref ?? `${entry.pointer}/requestBody`}/content/application~1json/schema`;
          // Junk that happens to fit the schema (no required key, open object) is a valid request.
          if (parsed === null || validator.validate(bodyPointer, parsed).length === 0) return;
          expect(response.statusCode, `${raw} → ${response.body}`).toBe(422);
        }),
        { ...RUN, numRuns: 8 },
      );
    },
  );

  const withQuery = all.filter((e) => e.parameters.some((p) => p.in === 'query' && invalidValue(p.schema)));
  test.each(withQuery.map((e) => [label(e), e] as const))(
    '%s: query values that break the schema get a documented 422 naming the parameter',
    async (_, entry) => {
      const refusable = entry.parameters.filter((p) => p.in === 'query' && invalidValue(p.schema));
      const bad = fc.oneof(...refusable.map((p) => invalidValue(p.schema)!.map((value) => [p.name, value] as const)));
      await fc.assert(
        fc.asyncProperty(requestArbitrary(entry, undefined), bad, async (input, [name, value]) => {
          const path = Object.fromEntries(
            Object.keys(input.path).map((k) => [
              k,
              String(
                exampleValue(
                  spec,
                  entry.parameters.find((p) => p.name === k),
                ),
              ),
            ]),
          );
          const response = await send(entry, { path, query: { [name]: value }, body: undefined });
          expectDocumented(entry, response, 'negative');
          // A value refused before the handler names its parameter; a handler may refuse earlier (404, 401).
          if (response.statusCode === 422) expect(Object.keys(response.json().errors)).toContain(name);
        }),
        { ...RUN, numRuns: 6 },
      );
    },
  );

  test.each(all.map((e) => [label(e), e] as const))(
    '%s: edge cases a framework refuses on its own get documented answers',
    async (_, entry) => {
      const input = { path: {}, query: {}, body: undefined };
      const params = entry.parameters.filter((p) => p.in === 'path');
      if (params.length > 0) {
        expectDocumented(entry, await send(entry, input, undefined, undefined, () => 'long-value'.repeat(300)), 'edge');
        expectDocumented(entry, await send(entry, input, undefined, undefined, () => 'bad%E0%A4%zz%'), 'edge');
      }
      const path = (name: string) =>
        encodeURIComponent(
          String(
            exampleValue(
              spec,
              entry.parameters.find((p) => p.name === name),
            ),
          ),
        );
      // `Content-Type: application/json` and nothing else, as every curl of the seed sends.
      const empty = await send(entry, input, '', 'application/json', path);
      expectDocumented(entry, empty, 'edge');
      expect(empty.body).not.toMatch(/Body cannot be empty/);
      if (entry.operation.requestBody) {
        expectDocumented(
          entry,
          await send(entry, input, 'app[name]=x', 'application/x-www-form-urlencoded', path),
          'edge',
        );
        expectDocumented(
          entry,
          await send(entry, input, JSON.stringify({ pad: 'x'.repeat(1_100_000) }), undefined, path),
          'edge',
        );
      }
    },
  );

  test('a method a path does not have: 405 {error} with Allow', async () => {
    const methods: Array<OperationEntry['method']> = ['get', 'post', 'put', 'patch', 'delete'];
    for (const { path, method: missing } of firstMissingMethods(all, methods)) {
      const entry = all.find((e) => e.path === path)!;
      const response = await send(
        { ...entry, method: missing },
        { path: {}, query: {}, body: undefined },
        undefined,
        undefined,
        (name) =>
          encodeURIComponent(
            String(
              exampleValue(
                spec,
                entry.parameters.find((p) => p.name === name),
              ),
            ),
          ),
      );
      count('methods', response.statusCode);
      expect(response.statusCode, `${missing.toUpperCase()} ${path}: ${response.body}`).toBe(405);
      expect(Object.keys(response.json())).toEqual(['error']);
      expect(response.headers.allow).toBeTruthy();
    }
  });
});
