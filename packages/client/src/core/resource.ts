// Base of the generated resource classes: they only hold the client their
// methods pass to the generated functions.
import type { CoreClient } from './client.js';

export abstract class APIResource {
  protected readonly _client: CoreClient;

  constructor(client: CoreClient) {
    this._client = client;
  }
}
