// Base of the generated resource classes: they only hold the client.
import type { BaseClient } from './client.js';

export abstract class APIResource {
  protected readonly _client: BaseClient;

  constructor(client: BaseClient) {
    this._client = client;
  }
}
