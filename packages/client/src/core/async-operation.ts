// Actions answered `202 Accepted` with a `Location` header (scale, restart…):
// the result of the request plus a handle on the operation that goes on.
import { APIPromise, type WithResponse } from './api-promise.js';
import type { CoreClient, Params } from './client.js';
import type { OperationSpec, ServiceName } from './operation.js';
import type { RequestOptions } from './options.js';

export type OperationStatus = 'pending' | 'running' | 'done' | 'error';

export interface OperationState {
  id: string;
  status: OperationStatus | (string & {});
  type?: string;
  error?: string;
  [key: string]: unknown;
}

export interface WaitOptions {
  /** Delay between two polls, in ms (default 2000). */
  intervalMs?: number;
  /** Give up after this long, in ms (default 10 minutes). */
  timeoutMs?: number;
  signal?: AbortSignal;
}

export class OperationFailedError extends Error {
  override name = 'OperationFailedError';
  constructor(readonly operation: OperationState) {
    super(`Operation ${operation.id} (${operation.type ?? 'unknown'}) failed: ${operation.error ?? 'no detail given'}`);
  }
}

export class AsyncOperation<T> {
  constructor(
    /** What the request answered (e.g. the new formation of a scale). */
    readonly result: T,
    /** The `Location` header: URL of the operation. */
    readonly location: string,
    private readonly fetchOperation: () => Promise<OperationState>,
  ) {}

  /** ID of the operation, the last segment of `location`. */
  get operationId(): string {
    return this.location.replace(/\/+$/, '').split('/').pop() ?? '';
  }

  /** The operation as it is now. */
  retrieve(): Promise<OperationState> {
    return this.fetchOperation();
  }

  /** Polls until the operation is `done` (resolves) or `error` (rejects with OperationFailedError). */
  async wait(options: WaitOptions = {}): Promise<OperationState> {
    const interval = options.intervalMs ?? 2000;
    const deadline = Date.now() + (options.timeoutMs ?? 600_000);
    for (;;) {
      options.signal?.throwIfAborted();
      const operation = await this.fetchOperation();
      if (operation.status === 'done') return operation;
      if (operation.status === 'error') throw new OperationFailedError(operation);
      if (Date.now() + interval > deadline)
        throw new Error(`Operation ${operation.id} still ${operation.status} after the wait timeout`);
      await new Promise((resolve) => setTimeout(resolve, interval));
    }
  }
}

/** Calls an operation answered 202 + `Location`: resolves to its result and a handle on the operation. */
export function callAsync<T>(
  client: CoreClient,
  spec: OperationSpec,
  positional: unknown,
  params: Params,
  options?: RequestOptions,
): APIPromise<AsyncOperation<T>> {
  const service = spec.service ?? 'regional';
  const sent = client.request(spec, positional, params, options).then(({ data, response }) => {
    const location = response.headers.get('location') ?? '';
    // The database API's credentials depend on the database: poll with the call's path parameters.
    const pathParams = { ...params, ...(spec.positional ? { [spec.positional]: positional } : {}) };
    const operation = new AsyncOperation(data as T, location, () =>
      operationAt(client, location, service, pathParams, options),
    );
    return { data: operation, response } satisfies WithResponse<AsyncOperation<T>>;
  });
  return new APIPromise(sent);
}

/**
 * The operation behind a `Location`, polled on the service that answered 202
 * (regional operations, or the database API's), with that service's
 * credentials — for the database API, the token of the same database.
 */
async function operationAt(
  client: CoreClient,
  location: string,
  service: ServiceName,
  pathParams: Record<string, unknown>,
  options?: RequestOptions,
): Promise<OperationState> {
  if (!location) throw new Error('The API answered 202 without a Location header');
  const base = await client.baseUrl(service);
  const basePath = new URL(client.services[service].url.replace('{region}', 'x')).pathname.replace(/\/$/, '');
  let path = new URL(location, base).pathname;
  if (basePath && path.startsWith(`${basePath}/`)) path = path.slice(basePath.length);
  const spec: OperationSpec = {
    id: 'operations.poll',
    method: 'GET',
    path,
    service,
    security: service === 'database' ? [['databaseBearerAuth']] : undefined,
    envelope: { kind: 'whole' },
  };
  const body = (await client.request(spec, undefined, undefined, options, pathParams)).data as {
    operation?: OperationState;
  } & OperationState;
  return body?.operation ?? body;
}
