// The conformance run, shared by every target (Prism, the sandbox): every
// generated method is called with arguments built from the spec's examples;
// its result must validate against the spec. Against a stateful target a
// documented error (404 for an ID that does not exist there) is accepted when
// its body validates too.

import { AsyncOperation, Page, ScalingoError } from '@scalingo-openapi/client';
import { buildModel, loadSpec as loadForModel, type Operation } from '@scalingo-openapi/generator';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { specValidator } from './ajv.js';
import { exampleCall, resourceOf } from './example-call.js';
import { responseSchemaPointer } from './requests.js';
import { label, loadSpec, type OperationEntry, operations } from './spec.js';

export interface ConformanceTarget {
  name: string;
  /** The client under test, from the sources or as built (the same shape, different declarations). */
  start(spec: unknown): Promise<{ client: object; stop(): Promise<void> }>;
  /** Whether a documented error answer counts as conforming (stateful targets). */
  acceptDocumentedErrors: boolean;
  /** Operations to call last, in this order (they destroy what others use). */
  last?: string[];
}

export async function describeConformance(target: ConformanceTarget): Promise<void> {
  const root = new URL('../..', import.meta.url).pathname;
  const spec = await loadSpec();
  const model = buildModel(await loadForModel({ cwd: root, alias: 'scalingo' }));
  const validator = specValidator(spec);
  const entries = new Map(operations(spec).map((e) => [e.operation.operationId as string, e]));
  const rank = (id: string) => (target.last ?? []).indexOf(id) + 1;
  const clientOperations = model.operations.filter((o) => !o.headOf).sort((a, b) => rank(a.id) - rank(b.id));
  let running: { client: object; stop(): Promise<void> };

  /** Calls `operation` on `client` and checks the answer: a success, or (stateful targets) a documented error. */
  async function call(client: object, operation: Operation): Promise<'success' | 'documentedError'> {
    const entry = entries.get(operation.id)!;
    const { positional, params } = exampleCall(spec, operation, entry);
    const args: unknown[] = [];
    if (operation.signature.positional) args.push(positional);
    if (operation.signature.hasParams) args.push(params);
    const schemes = operation.security.flat();
    if (schemes.length > 0 && !schemes.some((s) => ['bearerAuth', 'basicAuth', 'databaseBearerAuth'].includes(s))) {
      // Account and provider credentials are not the API token: the caller sends them.
      const credentials = schemes.includes('accountBasicAuth') ? 'sandbox:sandbox-password' : 'provider:secret';
      args.push({ headers: { Authorization: `Basic ${btoa(credentials)}` } });
    }
    let result: unknown;
    try {
      result = await resourceOf(client, operation.resource)[operation.name]!(...args);
    } catch (error) {
      if (!target.acceptDocumentedErrors || !(error instanceof ScalingoError) || error.status === undefined)
        throw error;
      const documented = operation.errors.find(
        (e) => e.status === String(error.status) || e.status === `${String(error.status)[0]}XX`,
      );
      expect(documented, `${error.status} is not documented for ${operation.id}: ${error.message}`).toBeDefined();
      expect(error.status, 'a stateful target never fails on its side').toBeLessThan(500);
      const pointer = responseSchemaPointer(spec, entry, error.status);
      if (pointer) expect(validator.validate(pointer, error.body)).toEqual([]);
      return 'documentedError';
    }
    if (operation.async) {
      expect(result).toBeInstanceOf(AsyncOperation);
      result = (result as AsyncOperation<unknown>).result;
    }
    check(operation, entry, result);
    return 'success';
  }

  describe(`client conformance against ${target.name}`, () => {
    beforeAll(async () => {
      running = await target.start(spec);
    }, 90_000);
    afterAll(async () => {
      await running?.stop();
    });

    test('every operation of the spec has a client method', () => {
      for (const operation of clientOperations) {
        expect(typeof resourceOf(running.client, operation.resource)?.[operation.name], operation.id).toBe('function');
      }
    });

    // One test an operation, on the suite's target: under --sequence.shuffle a stateful target
    // may have lost what an operation reads (a documented 404, accepted there).
    test.each(clientOperations.map((o) => [`client.${o.id}() — ${label(entries.get(o.id)!)}`, o] as const))(
      '%s',
      async (_, operation) => {
        await call(running.client, operation);
      },
    );

    // Its own run of every operation in order, so that it counts a whole run whatever order the
    // tests above ran in, and alone (`-t`): on a target of its own when the target keeps state
    // (accepting documented errors), on the suite's otherwise (it answers the same whatever ran).
    test('most operations succeed', async () => {
      const own = target.acceptDocumentedErrors ? await target.start(spec) : undefined;
      const outcomes = { success: 0, documentedError: 0 };
      try {
        for (const operation of clientOperations) outcomes[await call((own ?? running).client, operation)]++;
      } finally {
        await own?.stop();
      }
      expect(outcomes.success).toBeGreaterThan(clientOperations.length * (target.acceptDocumentedErrors ? 0.6 : 0.999));
    }, 180_000);
  });

  function check(operation: Operation, entry: OperationEntry, result: unknown): void {
    const envelope = operation.success.envelope;
    const pointer = responseSchemaPointer(spec, entry, operation.success.status);
    if (envelope.kind === 'empty') {
      expect(result).toBeUndefined();
      return;
    }
    if (envelope.kind === 'raw') {
      const text = envelope.mediaType.startsWith('text/');
      expect(text ? typeof result : result instanceof Blob).toBe(text ? 'string' : true);
      return;
    }
    if (envelope.kind === 'whole') {
      expect(validator.validate(pointer!, result)).toEqual([]);
      return;
    }
    if (operation.pagination) {
      expect(result).toBeInstanceOf(Page);
      const page = result as Page<unknown>;
      expect(validator.validate(`${pointer}/properties/${operation.pagination.itemsKey}`, page.items)).toEqual([]);
      expect(validator.validate('#/components/schemas/PaginationMeta', { pagination: page.pagination })).toEqual([]);
      return;
    }
    expect(validator.validate(`${pointer}/properties/${envelope.key}`, result)).toEqual([]);
  }
}
