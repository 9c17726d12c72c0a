// @scalingo-openapi/client — typed client of the Scalingo API v1.

import type { ClientOptions } from './core/options.js';
import { Scalingo } from './generated/client.js';

export * from './core/index.js';
export { createCoreClient } from './core.js';
export * from './generated/index.js';

/** A client for the Scalingo API: `createClient({ token, region }).apps.list()`. */
export function createClient(options: ClientOptions = {}): Scalingo {
  return new Scalingo(options);
}
