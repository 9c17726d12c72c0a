// Property-based requests over every operation of the sandbox, generated from
// the spec's schemas (fast-check, bounded runs): no request ever gets a 5xx,
// every answer is documented or one of the stubs' own envelopes, and requests
// that break the schema get their 4xx envelope.

import { createSandbox, type Sandbox } from '@scalingo-openapi/sandbox';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { specValidator } from '../../../test/support/ajv.js';
import { exampleValue } from '../../../test/support/requests.js';
import { arbitraryFor } from '../../../test/support/schema-arbitrary.js';
import { deref, label, loadSpec, type OperationEntry, operations } from '../../../test/support/spec.js';

const spec = await loadSpec();
const validator = specValidator(spec);
const all = operations(spec).filter((e) => e.method !== 'head' && !e.path.startsWith('/provider/'));
let sandbox: Sandbox;
let bearer: string;
let databaseToken: string;

beforeAll(async () => {
  sandbox = await createSandbox({ user: { username: 'sandbox', paymentMethod: true } });
  const exchange = await sandbox.app.inject({
    method: 'POST',
    url: '/v1/tokens/exchange',
    headers: { authorization: `Basic ${btoa(`:${sandbox.token}`)}` },
  });
  bearer = exchange.json().token;
  const headers = { authorization: `Bearer ${bearer}` };
  await sandbox.app.inject({ method: 'POST', url: '/v1/apps', headers, payload: { app: { name: 'my-shop-prod' } } });
  // A database addon, for a token the database API accepts.
  const providers = (await sandbox.app.inject({ method: 'GET', url: '/v1/addon_providers', headers })).json()
    .addon_providers;
  const provider = providers.find((p: { plans: Array<{ price?: number }> }) => p.plans.some((plan) => !plan.price));
  const plan = provider.plans.find((p: { price?: number }) => !p.price);
  const addon = (
    await sandbox.app.inject({
      method: 'POST',
      url: '/v1/apps/my-shop-prod/addons',
      headers,
      payload: { addon: { addon_provider_id: provider.id, plan_id: plan.id } },
    })
  ).json().addon;
  databaseToken = (
    await sandbox.app.inject({ method: 'POST', url: `/v1/apps/my-shop-prod/addons/${addon.id}/token`, headers })
  ).json().addon.token;
});
afterAll(async () => {
  await sandbox?.close();
});

/** The envelopes the stubs answer with themselves, whatever the operation documents. */
const ENVELOPES: Record<number, string> = {
  400: '#/components/schemas/ErrorMessage',
  401: '#/components/schemas/ErrorMessage',
  404: '#/components/schemas/NotFoundError',
  405: '#/components/schemas/ErrorMessage',
  413: '#/components/schemas/ErrorMessage',
  415: '#/components/schemas/ErrorMessage',
  422: '#/components/schemas/ValidationErrors',
};

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
) {
  const url = entry.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(String(input.path[name])));
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(input.query)) {
    for (const item of [].concat(value as never))
      search.append(key, typeof item === 'object' ? JSON.stringify(item) : String(item));
  }
  const prefix = entry.path.startsWith('/api/') ? '' : '/v1';
  const schemes = (entry.operation.security ?? []).flatMap((r: object) => Object.keys(r));
  const authorization = schemes.includes('databaseBearerAuth')
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
    headers: { authorization, ...(payload !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(payload !== undefined ? { payload } : {}),
  });
}

function expectDocumented(entry: OperationEntry, status: number, body: string) {
  expect(status, body).toBeLessThan(500);
  const responses = entry.operation.responses;
  const key = String(status) in responses ? String(status) : undefined;
  if (key) {
    const response = deref(spec, responses[key]);
    const ref = responses[key].$ref ?? `${entry.pointer.replace(/^#/, '#')}/responses/${key}`;
    if (response.content?.['application/json'] && body) {
      expect(validator.validate(`${ref}/content/application~1json/schema`, JSON.parse(body))).toEqual([]);
    }
    return;
  }
  expect(ENVELOPES[status], `status ${status} is neither documented nor a stub envelope: ${body}`).toBeDefined();
  expect(validator.validate(ENVELOPES[status]!, JSON.parse(body))).toEqual([]);
}

describe('property-based requests', () => {
  test.each(all.map((e) => [label(e), e] as const))(
    '%s: schema-shaped requests never get a 5xx, answers are documented',
    async (_, entry) => {
      const media =
        entry.operation.requestBody && deref(spec, entry.operation.requestBody).content?.['application/json'];
      await fc.assert(
        fc.asyncProperty(
          requestArbitrary(entry, media ? arbitraryFor(spec, media.schema) : undefined),
          async (input) => {
            const response = await send(entry, input);
            expectDocumented(entry, response.statusCode, response.body);
          },
        ),
        { numRuns: 12, seed: 20261129, endOnFailure: true },
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
          let parsed: unknown;
          try {
            parsed = JSON.parse(raw);
          } catch {
            // Not JSON at all: 400 {error}.
            expect(response.statusCode, response.body).toBe(400);
            expect(validator.validate('#/components/schemas/ErrorMessage', response.json())).toEqual([]);
            return;
          }
          const bodyPointer = `${entry.operation.requestBody.$ref ?? `${entry.pointer}/requestBody`}/content/application~1json/schema`;
          // Junk that happens to fit the schema (no required key, open object) is a valid request,
          // and so is a JSON `null` where the body is optional (the stubs read it as no body).
          const noBody = parsed === null && deref(spec, entry.operation.requestBody).required !== true;
          if (noBody || validator.validate(bodyPointer, parsed).length === 0) {
            expectDocumented(entry, response.statusCode, response.body);
            return;
          }
          expect(response.statusCode, `${raw} → ${response.body}`).toBe(422);
          expect(validator.validate('#/components/schemas/ValidationErrors', response.json())).toEqual([]);
        }),
        { numRuns: 8, seed: 20261129, endOnFailure: true },
      );
    },
  );
});
