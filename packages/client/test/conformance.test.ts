// Every generated method, called against a real Prism serving the spec:
// each must succeed and its unwrapped result validate against the spec (Ajv).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadSpec as loadForModel } from '../../../generator/src/load/load-spec.js';
import { buildModel } from '../../../generator/src/model/build-model.js';
import type { Operation } from '../../../generator/src/model/types.js';
import { specValidator } from '../../../test/support/ajv.js';
import { startPrism, type PrismProcess } from '../../../test/support/prism.js';
import { responseSchemaPointer } from '../../../test/support/requests.js';
import { label, loadSpec, operations, type OperationEntry } from '../../../test/support/spec.js';
import { AsyncOperation, createClient, Page, type Scalingo } from '../src/index.js';
import { exampleCall, resourceOf } from './support/example-call.js';

const root = new URL('../../..', import.meta.url).pathname;
const spec = await loadSpec();
const model = buildModel(await loadForModel({ cwd: root, alias: 'scalingo' }));
const validator = specValidator(spec);
const entries = new Map(operations(spec).map((e) => [e.operation.operationId as string, e]));
const clientOperations = model.operations.filter((o) => !o.headOf);

let prism: PrismProcess;
let client: Scalingo;

beforeAll(async () => {
  prism = await startPrism(spec);
  client = createClient({
    token: 'tk-us-conformance',
    databaseToken: 'db-token',
    baseUrls: { regional: prism.url, auth: prism.url, database: prism.url },
    retry: { maxRetries: 0 },
  });
}, 90_000);

afterAll(async () => {
  await prism?.stop();
});

function check(operation: Operation, entry: OperationEntry, result: unknown): void {
  const envelope = operation.success.envelope;
  const pointer = responseSchemaPointer(spec, entry, operation.success.status);
  if (envelope.kind === 'empty') return expect(result).toBeUndefined();
  if (envelope.kind === 'raw') {
    return expect(envelope.mediaType.startsWith('text/') ? typeof result : result instanceof Blob).toBe(envelope.mediaType.startsWith('text/') ? 'string' : true);
  }
  if (envelope.kind === 'whole') return expect(validator.validate(pointer!, result)).toEqual([]);
  if (operation.pagination) {
    expect(result).toBeInstanceOf(Page);
    const page = result as Page<unknown>;
    expect(validator.validate(`${pointer}/properties/${operation.pagination.itemsKey}`, page.items)).toEqual([]);
    return expect(validator.validate('#/components/schemas/PaginationMeta', { pagination: page.pagination })).toEqual([]);
  }
  expect(validator.validate(`${pointer}/properties/${envelope.key}`, result)).toEqual([]);
}

describe('client conformance against Prism', () => {
  test('every operation of the spec has a client method', () => {
    for (const operation of clientOperations) {
      expect(typeof resourceOf(client, operation.resource)?.[operation.name], operation.id).toBe('function');
    }
  });

  test.each(clientOperations.map((o) => [`client.${o.id}() — ${label(entries.get(o.id)!)}`, o] as const))('%s', async (_, operation) => {
    const entry = entries.get(operation.id)!;
    const { positional, params } = exampleCall(spec, operation, entry);
    const args: unknown[] = [];
    if (operation.signature.positional) args.push(positional);
    if (operation.signature.hasParams) args.push(params);
    // Account and provider credentials are not the API token: the caller sends them.
    const schemes = operation.security.flat();
    if (!schemes.some((s) => ['bearerAuth', 'basicAuth', 'databaseBearerAuth'].includes(s)) && schemes.length > 0) {
      args.push({ headers: { Authorization: `Basic ${btoa('camille@example.org:correct-horse')}` } });
    }
    let result = await resourceOf(client, operation.resource)[operation.name]!(...args);
    if (operation.async) {
      expect(result).toBeInstanceOf(AsyncOperation);
      result = (result as AsyncOperation<unknown>).result;
    }
    check(operation, entry, result);
  });
});
