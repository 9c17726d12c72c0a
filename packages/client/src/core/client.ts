// The core client: options, credentials, servers, retries — and no resource
// tree. Generated functions (`src/generated/funcs/`) and the resource classes
// built on them send every operation through `request()`, which splits the
// arguments by the operation's spec, builds the URL and the JSON body, sends
// them through the transport and unwraps the envelope.
// Credentials live in private fields: never in messages, logs, `toString()`
// or `util.inspect`.
import { RateLimiter } from '../internal/rate-limiter.js';
import { resolveBaseUrl, type ServiceTable } from '../internal/servers.js';
import { TokenManager } from '../internal/token-manager.js';
import { type Credentials, type OutgoingRequest, type SendContext, Transport } from '../internal/transport.js';
import { buildUrl } from '../internal/url.js';
import type { WithResponse } from './api-promise.js';
import { type ErrorContext, ScalingoError } from './errors.js';
import { DEFAULT_SECURITY, type OperationSpec, type ServiceName } from './operation.js';
import type { ClientOptions, RequestOptions } from './options.js';

export type { ServiceTable };

/** What the core client takes from the generated code: the servers and the two operations it calls itself. */
export interface RuntimeTable {
  services: ServiceTable;
  /** `tokens.exchange`: the API token for a Bearer token. */
  exchange: OperationSpec;
  /** `regions.list`: the hosts of each region (`discoverRegions`). */
  regions: OperationSpec;
}

export type Params = Record<string, unknown> | undefined;

const PUBLIC: Credentials = { header: () => undefined };
const DATABASE_SECURITY: readonly (readonly string[])[] = [['databaseBearerAuth']];

export class CoreClient {
  readonly #options: ClientOptions;
  readonly #table: RuntimeTable;
  readonly #transport: Transport;
  readonly #tokens: TokenManager | undefined;
  readonly #baseUrls = new Map<ServiceName, string>();
  /** Credentials by security requirement (the generated specs share one array per kind). */
  readonly #credentialCache = new Map<OperationSpec['security'], Credentials>();
  #discovery: Promise<void> | undefined;

  constructor(options: ClientOptions, table: RuntimeTable) {
    this.#options = { ...options };
    this.#table = table;
    const limiter = options.rateLimit
      ? new RateLimiter(options.rateLimit === true ? {} : options.rateLimit)
      : undefined;
    this.#transport = new Transport(this.#options, limiter);
    if (options.token && !options.bearerToken && options.auth !== 'basic') {
      this.#tokens = new TokenManager(() => this.#exchange());
    }
    // Refuse insecure base URLs now rather than at the first call.
    this.#resolveBaseUrls();
  }

  #resolveBaseUrls(discovered?: Partial<Record<ServiceName, string>>): void {
    for (const service of Object.keys(this.#table.services) as ServiceName[])
      this.#baseUrls.set(service, resolveBaseUrl(service, this.#table.services, this.#options, discovered));
  }

  /** Server URL template and regions of each service, as generated from the spec. */
  get services(): ServiceTable {
    return this.#table.services;
  }

  /** Base URL of a service as this client resolves it (after region discovery if enabled). */
  async baseUrl(service: ServiceName): Promise<string> {
    // Services without regions (authentication, billing) have one host: nothing to discover.
    if (this.#options.discoverRegions && this.#table.services[service].regions.length > 0) await this.#discover();
    return this.#baseUrls.get(service)!;
  }

  /**
   * Sends one operation: `positional` is the innermost path parameter, `params`
   * the other parameters and the body's root keys. Resolves to the unwrapped
   * result (the whole body for a paginated operation) and the response; a
   * non-2xx answer rejects with the error class of its status.
   */
  async request(
    spec: OperationSpec,
    positional: unknown,
    params: Params,
    options?: RequestOptions,
    /** Path parameters the credentials depend on when they are not this call's (polling a database operation). */
    credentialParams?: Record<string, unknown>,
  ): Promise<WithResponse<unknown>> {
    const service = spec.service ?? 'regional';
    const { path, query, headers, body } = splitParams(spec, positional, params);
    const baseUrl = this.#options.discoverRegions ? await this.baseUrl(service) : this.#baseUrls.get(service)!;
    const context = contextOf(spec);
    const send: SendContext = {
      error: context,
      credentials: this.#credentials(spec.security ?? DEFAULT_SECURITY, credentialParams ?? path),
      options,
    };
    const { envelope, method } = spec;
    const parseAs = envelope.kind === 'raw' ? (envelope.mediaType.startsWith('text/') ? 'text' : 'blob') : 'json';
    const { response, data } = await this.#transport.send(
      { url: buildUrl(baseUrl, spec.path, path, query), method, headers, body },
      send,
      (answer) => readBody(answer, method, parseAs),
    );
    if (!response.ok) throw ScalingoError.fromResponse(response.status, data, response.headers, context);
    const result =
      envelope.kind === 'root' && !spec.paginated
        ? (data as Record<string, unknown> | undefined)?.[envelope.key]
        : data;
    return { data: result, response };
  }

  /**
   * Sends a request built elsewhere (the raw openapi-fetch clients, `raw.ts`,
   * which turns their `Request` into this one) with this client's credentials
   * for the service, timeouts and retries.
   */
  async sendRaw(request: OutgoingRequest, service: ServiceName): Promise<Response> {
    const security = service === 'database' ? DATABASE_SECURITY : DEFAULT_SECURITY;
    const error = { method: request.method, path: new URL(request.url).pathname };
    const send: SendContext = { credentials: this.#credentials(security, {}), options: undefined, error };
    return (await this.#transport.send(request, send)).response;
  }

  /** Base URL of a service without waiting for region discovery (raw clients). */
  configuredBaseUrl(service: ServiceName): string {
    return this.#baseUrls.get(service)!;
  }

  #credentials(security: NonNullable<OperationSpec['security']>, pathParams: Record<string, unknown>): Credentials {
    // Only database credentials depend on the call (the database ID); the others are built once.
    const cached = this.#credentialCache.get(security);
    if (cached) return cached;
    const credentials = this.#buildCredentials(security, pathParams);
    if (!security.some((names) => names.includes('databaseBearerAuth')))
      this.#credentialCache.set(security, credentials);
    return credentials;
  }

  #buildCredentials(
    security: NonNullable<OperationSpec['security']>,
    pathParams: Record<string, unknown>,
  ): Credentials {
    const names = new Set(security.flat());
    if (names.size === 0) return PUBLIC;
    const { token, bearerToken, auth, databaseToken } = this.#options;
    const basic = token ? `Basic ${btoa(`:${token}`)}` : undefined;
    if (names.has('bearerAuth') && auth !== 'basic') {
      if (bearerToken) {
        const header = `Bearer ${bearerToken}`;
        return { header: () => header };
      }
      const tokens = this.#tokens;
      if (tokens) {
        return {
          header: () => {
            const current = tokens.current();
            return current ? `Bearer ${current}` : tokens.get().then((token) => `Bearer ${token}`);
          },
          refreshAfter401: async () => {
            await tokens.refresh();
            return true;
          },
        };
      }
    }
    if (names.has('basicAuth') && basic) return { header: () => basic };
    if (names.has('databaseBearerAuth') && databaseToken) {
      return {
        header: async () => {
          const value =
            typeof databaseToken === 'string'
              ? databaseToken
              : await databaseToken(String(pathParams.database_id ?? ''));
          return `Bearer ${value}`;
        },
      };
    }
    return PUBLIC;
  }

  async #exchange(): Promise<string> {
    const spec = this.#table.exchange;
    // The exchange is safe to repeat: a retry only mints another short-lived token.
    const { data, response } = await this.request(spec, undefined, undefined, { idempotent: true });
    if (typeof data !== 'string')
      throw new ScalingoError('the token exchange answered no token', contextOf(spec), response.status);
    return data;
  }

  #discover(): Promise<void> {
    this.#discovery ??= this.request(this.#table.regions, undefined, undefined)
      .then(({ data }) => {
        const region = (data as Array<{ name: string; api?: string; database_api?: string }>).find(
          (r) => r.name === this.#region(),
        );
        if (!region) throw new Error(`The authentication API knows no region "${this.#region()}"`);
        this.#resolveBaseUrls({ regional: region.api, database: region.database_api });
      })
      .catch((error) => {
        // A failed discovery is tried again by the next call.
        this.#discovery = undefined;
        throw error;
      });
    return this.#discovery;
  }

  /** The region asked for, or the spec's first. */
  #region(): string | undefined {
    return this.#options.region ?? this.#table.services.regional.regions[0];
  }

  toString(): string {
    return `Scalingo(region=${this.#region() ?? 'default'})`;
  }

  toJSON(): Record<string, unknown> {
    return { region: this.#region(), auth: this.#options.auth ?? 'bearer' };
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }
}

/** The name the resource client's base had before the core client existed. */
export { CoreClient as BaseClient };

/** What an error of the operation names: its method, path template and operationId. */
function contextOf(spec: OperationSpec): ErrorContext {
  return { method: spec.method, path: spec.path, operation: spec.id };
}

function splitParams(spec: OperationSpec, positional: unknown, params: Params) {
  const path: Record<string, unknown> = {};
  if (spec.positional) {
    if (positional === undefined || positional === null || positional === '') {
      throw new TypeError(`${spec.id}: the ${spec.positional} argument is required`);
    }
    path[spec.positional] = positional;
  }
  if (spec.pathParams)
    for (const key of spec.pathParams) {
      if (params?.[key] === undefined) throw new TypeError(`${spec.id}: params.${key} is required`);
      path[key] = params[key];
    }
  const query: Record<string, unknown> = {};
  if (spec.query) for (const key of spec.query) if (params?.[key] !== undefined) query[key] = params[key];
  const headers: Record<string, string> = {};
  if (spec.headers)
    for (const key of spec.headers) if (params?.[key] !== undefined) headers[key.toLowerCase()] = String(params[key]);
  let body: string | undefined;
  if (spec.body) {
    let value: unknown;
    if (spec.body.mode === 'whole') {
      value = params?.body;
    } else {
      const picked: Record<string, unknown> = {};
      let any = false;
      for (const key of spec.body.keys)
        if (params?.[key] !== undefined) {
          picked[key] = params[key];
          any = true;
        }
      value = any ? picked : undefined;
    }
    if (value !== undefined) {
      body = JSON.stringify(value);
      headers['content-type'] = 'application/json';
    }
  }
  return { path, query, headers, body };
}

/**
 * The body as openapi-fetch would read it: nothing for 204, HEAD or an empty
 * answer; a success as its operation's media type; an error's as JSON if it
 * parses, else as text. A successful JSON answer needs no look at its headers.
 */
async function readBody(response: Response, method: string, parseAs: 'json' | 'text' | 'blob'): Promise<unknown> {
  const raw = response.ok && parseAs !== 'json';
  if (response.status === 204 || method === 'HEAD' || (raw && response.headers.get('content-length') === '0')) {
    await response.body?.cancel();
    return undefined;
  }
  if (raw) return response[parseAs]();
  const text = await response.text();
  if (!text) return undefined;
  if (response.ok) return JSON.parse(text);
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
