// Each global convention of the seed, checked over every operation and schema
// of the bundled spec (not a sample).
import { describe, expect, test } from 'vitest';
import { deref, type Json, label, loadSpec, operations, walkSchemas } from '../support/spec.js';

const spec = await loadSpec();
const all = operations(spec);
const byLabel = all.map((entry) => [label(entry), entry] as const);

function jsonBodies(entry: (typeof all)[number]): Array<{ where: string; schema: Json }> {
  const bodies: Array<{ where: string; schema: Json }> = [];
  const request = entry.operation.requestBody && deref(spec, entry.operation.requestBody);
  for (const [type, media] of Object.entries<Json>(request?.content ?? {})) {
    if (type.includes('json')) bodies.push({ where: 'request', schema: deref(spec, media.schema) });
  }
  for (const [status, raw] of Object.entries<Json>(entry.operation.responses ?? {})) {
    for (const [type, media] of Object.entries<Json>(deref(spec, raw).content ?? {})) {
      if (type.includes('json')) bodies.push({ where: `response ${status}`, schema: deref(spec, media.schema) });
    }
  }
  return bodies;
}

describe('servers', () => {
  test('root servers: the regional API with its region variable, then the seed host; https only', () => {
    expect(spec.servers.map((s: Json) => s.url)).toEqual([
      'https://api.{region}.scalingo.com/v1',
      'https://api.scalingo.com/v1',
    ]);
    expect(spec.servers[0].variables.region.enum).toEqual(['osc-fr1', 'osc-secnum-fr1']);
  });

  test.each(byLabel)('%s: served over https, auth and database paths on their own host', (_, entry) => {
    const servers: Json[] = entry.pathItem.servers ?? entry.operation.servers ?? spec.servers;
    for (const server of servers) expect(server.url).toMatch(/^https:\/\//);
    if (entry.path.startsWith('/api/')) expect(servers[0].url).toBe('https://db-api.{region}.scalingo.com');
    if (entry.path.startsWith('/tokens')) expect(servers[0].url).toBe('https://auth.scalingo.com/v1');
  });
});

describe('operations', () => {
  test.each(byLabel)(
    '%s: GET/HEAD/DELETE take no body (unless the platform documents one); bodies are JSON',
    (_, entry) => {
      const documented = entry.method === 'delete' && entry.operation['x-delete-body'] === true;
      if (['get', 'head', 'delete'].includes(entry.method) && !documented)
        expect(entry.operation.requestBody).toBeUndefined();
      const body = entry.operation.requestBody && deref(spec, entry.operation.requestBody);
      if (body) expect(Object.keys(body.content)).toEqual(['application/json']);
    },
  );

  test.each(byLabel)('%s: every body is a rooted object, never an array at the root', (_, entry) => {
    for (const { where, schema } of jsonBodies(entry)) {
      const parts = schema.allOf ?? schema.oneOf ?? schema.anyOf;
      const isObject = schema.type === 'object' || parts?.every((p: Json) => deref(spec, p).type === 'object');
      // The exception: an unrooted operation whose answer the platform sends as a bare array of objects.
      const bareArray =
        entry.operation['x-scalingo-unrooted'] === true &&
        schema.type === 'array' &&
        deref(spec, schema.items).type === 'object';
      if (bareArray) continue;
      expect(isObject, `${where} root is not an object`).toBe(true);
      // An empty body (`maxProperties: 0`) needs no root; a oneOf of a rooted and
      // a flat form (what the two official clients send) is rooted by its first part.
      const rooted = [schema, ...(schema.oneOf ?? []).map((p: Json) => deref(spec, p))].some(
        (s: Json) => Object.keys(s.properties ?? {}).length > 0 || s.maxProperties === 0,
      );
      if (!entry.operation['x-scalingo-unrooted']) expect(rooted, `${where} has no root key`).toBe(true);
    }
  });

  const withBodies = byLabel.filter(([, e]) => e.method !== 'head');
  test.each(withBodies)('%s: errors use the shared error responses', (_, entry) => {
    const shared: Record<string, string> = {
      '400': 'BadRequest',
      '401': 'Unauthorized',
      '402': 'PaymentRequired',
      '404': 'NotFound',
      '422': 'UnprocessableEntity',
      '429': 'TooManyRequests',
      '5XX': 'ServerError',
    };
    for (const [status, name] of Object.entries(shared)) {
      const response = entry.operation.responses[status];
      if (response) expect(response.$ref, `${status}`).toBe(`#/components/responses/${name}`);
    }
  });

  test.each(byLabel)('%s: paginated exactly when the answer has meta.pagination', (_, entry) => {
    const names = entry.parameters.filter((p) => p.in === 'query').map((p) => p.name);
    const ok = entry.operation.responses['200'] && deref(spec, entry.operation.responses['200']);
    const schema = ok?.content?.['application/json'] && deref(spec, ok.content['application/json'].schema);
    const meta = schema?.properties?.meta;
    const paginated = names.includes('page');
    // Known from an official client only: paged as that client does (see openapi/README.md).
    if ((entry.method === 'head' ? entry.pathItem.get : entry.operation)['x-scalingo-evidence']) {
      if (meta?.$ref === '#/components/schemas/PaginationMeta')
        expect(paginated && names.includes('per_page')).toBe(true);
      return;
    }
    expect(names.includes('per_page')).toBe(paginated);
    expect(meta?.$ref === '#/components/schemas/PaginationMeta').toBe(paginated && entry.method !== 'head');
    if (paginated) {
      const page = entry.parameters.find((p) => p.name === 'page');
      expect(page.schema.minimum).toBe(1);
      const perPage = entry.parameters.find((p) => p.name === 'per_page');
      expect(perPage.schema.maximum, 'per_page declares its maximum').toBeGreaterThan(0);
    }
  });

  test.each(byLabel)('%s: asynchronous 202 answers carry a Location header', (_, entry) => {
    const accepted = entry.operation.responses['202'] && deref(spec, entry.operation.responses['202']);
    if (accepted && entry.operation['x-scalingo-async'] !== false) {
      expect(deref(spec, accepted.headers?.Location ?? {}).schema?.format).toBe('uri');
    }
  });
});

describe('HEAD', () => {
  test('every GET has a HEAD twin with the same parameters, security and statuses, and no body', () => {
    const gets = all.filter((e) => e.method === 'get');
    expect(gets.length).toBeGreaterThan(0);
    for (const get of gets) {
      const head = get.pathItem.head;
      expect(head, label(get)).toBeDefined();
      expect(head['x-scalingo-head-of']).toBe(get.operation.operationId);
      expect(head.security).toEqual(get.operation.security);
      expect(Object.keys(head.responses)).toEqual(Object.keys(get.operation.responses));
      for (const response of Object.values<Json>(head.responses)) expect(response.content).toBeUndefined();
    }
  });
});

describe('dates', () => {
  const schemas = [...walkSchemas(spec)];

  test('only the DateTime schema declares format date-time: every RFC 3339 instant with an offset', () => {
    const offenders = schemas.filter(
      ({ schema, pointer }) => schema.format === 'date-time' && pointer !== '#/components/schemas/DateTime',
    );
    expect(offenders.map((o) => o.pointer)).toEqual([]);
    const pattern = new RegExp(spec.components.schemas.DateTime.pattern);
    expect(pattern.test('2015-01-13T09:20:31.123+01:00')).toBe(true);
    expect(pattern.test('2021-03-19T15:01:25.088Z')).toBe(true);
    // What Go's time.Time marshals to: no fraction up to nanoseconds (RFC3339Nano).
    expect(pattern.test('2015-01-13T09:20:31+01:00')).toBe(true);
    expect(pattern.test('2018-01-25T10:57:53.822973091Z')).toBe(true);
    expect(pattern.test('2018-01-25T10:57:53.8Z')).toBe(true);
    expect(pattern.test('2018-01-25T10:57:53.8229730912Z')).toBe(false);
    expect(pattern.test('2018-01-25T10:57:53.Z')).toBe(false);
    expect(pattern.test('2015-01-13T09:20:31.123')).toBe(false);
    expect(pattern.test('2015-01-13 09:20:31.123')).toBe(false);
    expect(pattern.test('2015-01-13')).toBe(false);
  });
});

describe('pagination and errors components', () => {
  test('meta.pagination has the five keys, prev/next nullable', () => {
    const pagination = spec.components.schemas.PaginationMeta.properties.pagination;
    expect(pagination.required.sort()).toEqual([
      'current_page',
      'next_page',
      'prev_page',
      'total_count',
      'total_pages',
    ]);
    expect(pagination.properties.prev_page.type).toContain('null');
    expect(pagination.properties.next_page.type).toContain('null');
    expect(pagination.properties.current_page.type).toBe('integer');
  });

  test.each([
    ['BadRequest', 'ErrorMessage', ['error']],
    ['Unauthorized', 'ErrorMessage', ['error']],
    ['PaymentRequired', 'PaymentRequiredError', ['error', 'url']],
    // The seed's 404 names the `resource` too; optional, as some services leave it out (DECISIONS.md).
    ['NotFound', 'NotFoundError', ['error']],
    ['UnprocessableEntity', 'ValidationErrors', ['errors']],
    ['ServerError', 'ErrorMessage', ['error']],
  ])('%s answers the seed body (%s)', (response, schemaName, required) => {
    const media = spec.components.responses[response].content['application/json'];
    expect(media.schema.$ref).toBe(`#/components/schemas/${schemaName}`);
    expect(spec.components.schemas[schemaName].required.sort()).toEqual([...required].sort());
  });

  test('NotFound still describes the seed body, `resource` included', () => {
    expect(Object.keys(spec.components.schemas.NotFoundError.properties).sort()).toEqual(['error', 'resource']);
  });

  test('422 maps each field to a list of messages', () => {
    const errors = spec.components.schemas.ValidationErrors.properties.errors;
    expect(errors.additionalProperties).toMatchObject({ type: 'array', items: { type: 'string' } });
  });
});
