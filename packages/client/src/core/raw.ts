// The openapi-fetch client of one service, sending through a core client
// (its base URL, credentials, timeouts and retries): for what the generated
// functions do not cover (HEAD requests, custom headers on any path). Apart
// from the core client so that only its users bundle openapi-fetch's client.
import createFetchClient, { type Client } from 'openapi-fetch';
import type { CoreClient } from './client.js';
import type { ServiceName } from './operation.js';

const clients = new WeakMap<CoreClient, Map<ServiceName, Client<never>>>();

export function rawClient<Paths extends {}>(core: CoreClient, service: ServiceName): Client<Paths> {
  let byService = clients.get(core);
  if (!byService) clients.set(core, (byService = new Map()));
  let client = byService.get(service);
  if (!client) {
    client = createFetchClient<never>({
      baseUrl: core.configuredBaseUrl(service),
      fetch: async (request: Request) => {
        const headers: Record<string, string> = {};
        request.headers.forEach((value, name) => {
          headers[name] = value;
        });
        const body = request.body ? await request.arrayBuffer() : undefined;
        return core.sendRaw({ url: request.url, method: request.method, headers, body }, service);
      },
    });
    byService.set(service, client);
  }
  return client as unknown as Client<Paths>;
}
