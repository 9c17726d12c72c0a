// The addon provider document (openapi/addon-provider.yaml: what a provider
// serves and the platform calls) under the same kinds of checks as the main
// document: conventions, every example validated by Ajv, and a real Prism
// answering every operation. Its bodies are not rooted (x-scalingo-unrooted).
import { describe, expect, test } from 'vitest';
import { specValidator } from '../support/ajv.js';
import { expectDocumentedSuccess, sendTo, usePrism } from '../support/prism.js';
import { exampleRequest } from '../support/requests.js';
import { deref, type Json, label, loadSpec, operations } from '../support/spec.js';

const spec = await loadSpec('addon-provider');
const validator = specValidator(spec);
const all = operations(spec);
const byLabel = all.map((entry) => [label(entry), entry] as const);

function mediaOf(entry: (typeof all)[number]): Array<{ where: string; type: string; media: Json }> {
  const found: Array<{ where: string; type: string; media: Json }> = [];
  const request = entry.operation.requestBody && deref(spec, entry.operation.requestBody);
  for (const [type, media] of Object.entries<Json>(request?.content ?? {}))
    found.push({ where: 'request', type, media });
  for (const [status, raw] of Object.entries<Json>(entry.operation.responses ?? {})) {
    for (const [type, media] of Object.entries<Json>(deref(spec, raw).content ?? {}))
      found.push({ where: `response ${status}`, type, media });
  }
  return found;
}

describe('addon-provider document', () => {
  test('is its own OpenAPI 3.1 root with its own info and a templated https server', () => {
    expect(spec.openapi).toBe('3.1.0');
    expect(spec.info.title).toMatch(/addon provider/i);
    expect(spec.servers.length).toBeGreaterThan(0);
    for (const server of spec.servers) {
      expect(server.url).toMatch(/^https:\/\//);
      expect(Object.keys(server.variables ?? {}).length, 'the base URL comes from the manifest').toBeGreaterThan(0);
      for (const variable of Object.values<Json>(server.variables)) expect(variable.default).toBeTruthy();
    }
  });

  test('describes the provision, plan change and deprovision endpoints, with Basic credentials', () => {
    const ids = Object.fromEntries(all.map((e) => [e.operation.operationId, `${e.method.toUpperCase()} ${e.path}`]));
    expect(ids).toMatchObject({
      'resources.provision': 'POST /resources',
      'resources.changePlan': 'PUT /resources/{resource_id}',
      'resources.deprovision': 'DELETE /resources/{resource_id}',
    });
    expect(spec.components.securitySchemes.addonProviderBasicAuth).toMatchObject({ type: 'http', scheme: 'basic' });
  });
});

describe('addon-provider operations', () => {
  test.each(byLabel)('%s: a summary without a final period; its own servers over https', (_, entry) => {
    expect(entry.operation.summary).not.toMatch(/\.$/);
    for (const server of entry.pathItem.servers ?? []) expect(server.url).toMatch(/^https:\/\//);
  });

  test.each(byLabel)('%s: GET/HEAD/DELETE take no body; bodies are JSON', (_, entry) => {
    if (['get', 'head', 'delete'].includes(entry.method)) expect(entry.operation.requestBody).toBeUndefined();
    const body = entry.operation.requestBody && deref(spec, entry.operation.requestBody);
    if (body) expect(Object.keys(body.content)).toEqual(['application/json']);
  });

  test.each(byLabel)('%s: JSON bodies are objects; unrooted ones are marked x-scalingo-unrooted', (_, entry) => {
    for (const { where, type, media } of mediaOf(entry)) {
      if (!type.includes('json')) continue;
      const schema = deref(spec, media.schema);
      expect(schema.type, `${where} is not an object`).toBe('object');
    }
    if (entry.operation.requestBody) expect(entry.operation['x-scalingo-unrooted']).toBe(true);
  });

  test.each(byLabel)('%s: JSON errors are shared responses of the document', (_, entry) => {
    for (const [status, response] of Object.entries<Json>(entry.operation.responses)) {
      if (!/^[45]/.test(status)) continue;
      if (!deref(spec, response).content?.['application/json']) continue;
      expect(response.$ref, status).toMatch(/^#\/components\/responses\//);
    }
  });

  test.each(byLabel)('%s: a 202 carries a Location header unless marked x-scalingo-async: false', (_, entry) => {
    const accepted = entry.operation.responses['202'] && deref(spec, entry.operation.responses['202']);
    if (accepted && entry.operation['x-scalingo-async'] !== false) {
      expect(deref(spec, accepted.headers?.Location ?? {}).schema?.format).toBe('uri');
    }
  });
});

describe('addon-provider Prism mock', () => {
  const prism = usePrism(spec);

  const send = (request: ReturnType<typeof exampleRequest>) => sendTo(prism(), request);

  /** The example request, accepting the media type of the first documented success (HTML for SSO). */
  function acceptingRequest(entry: (typeof all)[number]) {
    const request = exampleRequest(spec, entry);
    const first = request.successStatuses[0];
    const types = Object.keys(deref(spec, entry.operation.responses[String(first)]).content ?? {});
    if (types.length > 0 && !types.includes('application/json')) request.headers.accept = types[0]!;
    return request;
  }

  test.each(byLabel)('%s answers a documented success with a valid body', async (_, entry) => {
    const request = acceptingRequest(entry);
    expectDocumentedSuccess(spec, validator, entry, request, await send(request));
  });

  const withBody = byLabel.filter(([, e]) => e.operation.requestBody);
  test.each(withBody)('%s: a body that breaks the schema gets 422 {errors}', async (_, entry) => {
    const { status, text } = await send({ ...exampleRequest(spec, entry), body: [] });
    expect(status).toBe(422);
    expect(validator.validate('#/components/schemas/ValidationErrors', JSON.parse(text))).toEqual([]);
  });

  const secured = byLabel.filter(([, e]) => e.operation.security.some((r: Json) => Object.keys(r).length > 0));
  test.each(secured)('%s: a call without the manifest credentials gets 401 {error}', async (_, entry) => {
    const request = exampleRequest(spec, entry);
    const { authorization, ...headers } = request.headers;
    expect(authorization).toMatch(/^Basic /);
    const { status, text } = await send({ ...request, headers });
    expect(status).toBe(401);
    expect(validator.validate('#/components/schemas/ErrorMessage', JSON.parse(text))).toEqual([]);
  });
});
