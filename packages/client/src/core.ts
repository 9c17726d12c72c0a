// @scalingo-openapi/client/core — the core client alone, for the standalone
// functions of `@scalingo-openapi/client/funcs`: same options, credentials,
// retries and servers as `createClient`, no resource tree, so a bundle keeps
// only the operations it calls.
import { CoreClient } from './core/client.js';
import type { ClientOptions } from './core/options.js';
import { runtimeTable } from './generated/operations.js';

export * from './core/index.js';
export type * as Schema from './generated/schema.js';

/** A core client: `appsList(createCoreClient({ token }))`. */
export function createCoreClient(options: ClientOptions = {}): CoreClient {
  return new CoreClient(options, runtimeTable);
}
