// The streams document (openapi/streams.yaml: the logs service and the
// deployments WebSocket): conventions adapted to streaming (101 answers for
// WebSocket handshakes, message unions told apart by a discriminator), every
// example validated by Ajv, and a real Prism answering the logs dump.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { specValidator } from '../support/ajv.js';
import { type PrismProcess, startPrism } from '../support/prism.js';
import { exampleRequest } from '../support/requests.js';
import { deref, type Json, label, loadSpec, operations } from '../support/spec.js';

const spec = await loadSpec('streams');
const validator = specValidator(spec);
const all = operations(spec);
const byLabel = all.map((entry) => [label(entry), entry] as const);
const websockets = byLabel.filter(([, e]) => e.operation.responses['101']);

describe('streams document', () => {
  test('serves the logs service first, over https, with its region variable', () => {
    expect(spec.openapi).toBe('3.1.0');
    expect(spec.servers[0].url).toBe('https://logs.{region}.scalingo.com');
    expect(spec.servers[0].variables.region.enum).toEqual(['osc-fr1', 'osc-secnum-fr1']);
  });

  test('the logs path takes its token in the query (apiKey) and the deployments stream has its own host', () => {
    const logs = all.find((e) => e.operation.operationId === 'streams.logs.retrieve')!;
    expect(logs.path).toBe('/apps/{app}/logs');
    const scheme = spec.components.securitySchemes[Object.keys(logs.operation.security[0])[0]!];
    expect(scheme).toMatchObject({ type: 'apiKey', in: 'query', name: 'token' });
    const deployments = all.find((e) => e.operation.operationId === 'streams.deployments.subscribe')!;
    expect(deployments.pathItem.servers[0].url).toBe('https://deployments.{region}.scalingo.com');
  });

  test.each([
    ['LogStreamMessage', 'name'],
    ['DeploymentStreamMessage', 'type'],
  ])('%s is a union told apart by `%s`, each member mapped by its constant', (name, property) => {
    const union = spec.components.schemas[name];
    expect(union.discriminator.propertyName).toBe(property);
    const members = union.oneOf.map((m: Json) => m.$ref);
    expect(Object.values(union.discriminator.mapping).sort()).toEqual([...members].sort());
    for (const [value, ref] of Object.entries<string>(union.discriminator.mapping)) {
      expect(deref(spec, { $ref: ref }).properties[property].const).toBe(value);
    }
  });
});

describe('streams operations', () => {
  test.each(byLabel)('%s: no request body, https', (_, entry) => {
    const op = entry.operation;
    expect(op.requestBody).toBeUndefined();
    for (const server of entry.pathItem.servers ?? spec.servers) expect(server.url).toMatch(/^https:\/\//);
  });

  test.each(websockets)('%s: the WebSocket handshake answers 101 with Upgrade and types its frames', (_, entry) => {
    const upgrade = entry.parameters.find((p) => p.in === 'header' && p.name === 'Upgrade');
    expect(upgrade?.schema.enum).toEqual(['websocket']);
    const switching = deref(spec, entry.operation.responses['101']);
    expect(Object.keys(switching.headers)).toEqual(expect.arrayContaining(['Upgrade', 'Connection']));
    const frame = switching.content['application/json'].schema.$ref;
    expect(frame).toMatch(/^#\/components\/schemas\/(LogStreamMessage|DeploymentStreamMessage)$/);
  });

  test('the logs dump is text and its live variant carries LogStreamMessage events', () => {
    const logs = all.find((e) => e.operation.operationId === 'streams.logs.retrieve')!;
    const ok = deref(spec, logs.operation.responses['200']);
    expect(ok.content['text/plain'].schema.type).toBe('string');
    expect(ok.content['text/event-stream'].schema.$ref).toBe('#/components/schemas/LogStreamMessage');
  });
});

describe('streams Prism mock', () => {
  let prism: PrismProcess;

  beforeAll(async () => {
    prism = await startPrism(spec);
  }, 90_000);

  afterAll(async () => {
    await prism?.stop();
  });

  const logs = all.find((e) => e.operation.operationId === 'streams.logs.retrieve')!;

  test('the logs dump answers text with the token in the query', async () => {
    const request = exampleRequest(spec, logs);
    const response = await fetch(`${prism.url}${request.url}?token=lt-5c2f8e1a9b7d4c3e&n=20`, {
      headers: { accept: 'text/plain' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('sl-violations')).toBeNull();
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect((await response.text()).length).toBeGreaterThan(0);
  });

  test('the logs dump without its token is refused with 401 {error}', async () => {
    const request = exampleRequest(spec, logs);
    const response = await fetch(`${prism.url}${request.url}`, { headers: { accept: 'application/json' } });
    expect(response.status).toBe(401);
    expect(validator.validate('#/components/schemas/ErrorMessage', await response.json())).toEqual([]);
  });
});
