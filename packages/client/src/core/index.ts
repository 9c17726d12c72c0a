// The public runtime: what generated code and users import from the client.
export { APIPromise, type WithResponse } from './api-promise.js';
export {
  AsyncOperation,
  OperationFailedError,
  type OperationState,
  type OperationStatus,
  type WaitOptions,
} from './async-operation.js';
export { BaseClient, CoreClient, type Params, type RuntimeTable, type ServiceTable } from './client.js';
export * from './errors.js';
export type { Envelope, OperationSpec, ServiceName } from './operation.js';
export type { AuthScheme, ClientOptions, Logger, RateLimitOptions, RequestOptions, RetryOptions } from './options.js';
export { Page, PagePromise, type PaginationMeta } from './pagination.js';
export { rawClient } from './raw.js';
