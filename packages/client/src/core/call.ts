// What a generated function returns for an operation that is neither
// paginated nor asynchronous: the request, as an APIPromise of its result.
import { APIPromise } from './api-promise.js';
import type { CoreClient, Params } from './client.js';
import type { OperationSpec } from './operation.js';
import type { RequestOptions } from './options.js';

export function call<T>(
  client: CoreClient,
  spec: OperationSpec,
  positional: unknown,
  params: Params,
  options?: RequestOptions,
): APIPromise<T> {
  return new APIPromise(client.request(spec, positional, params, options) as Promise<{ data: T; response: Response }>);
}
