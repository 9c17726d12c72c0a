// The public runtime: what generated code and users import from the client.
export { APIPromise, type WithResponse } from './api-promise.js';
export { AsyncOperation, OperationFailedError, type OperationState, type OperationStatus, type WaitOptions } from './async-operation.js';
export { BaseClient } from './client.js';
export * from './errors.js';
export type { ClientOptions, RequestOptions, RetryOptions, RateLimitOptions, AuthScheme, Logger } from './options.js';
export type { OperationSpec, ServiceName, Envelope } from './operation.js';
export { Page, PagePromise, type PaginationMeta } from './pagination.js';
