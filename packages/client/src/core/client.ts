// The runtime every generated method calls into: it splits the arguments of a
// call into path, query, header and body by the operation's spec, sends it
// through openapi-fetch to the operation's own server, and unwraps the
// envelope. Credentials live in private fields: never in messages, logs,
// `toString()` or `util.inspect`.
import createFetchClient, { type Client } from 'openapi-fetch';
import { RateLimiter } from '../internal/rate-limiter.js';
import { resolveBaseUrl, type ServiceTable } from '../internal/servers.js';
import { TokenManager } from '../internal/token-manager.js';
import { type Credentials, type SendContext, Transport } from '../internal/transport.js';
import { APIPromise, type WithResponse } from './api-promise.js';
import { AsyncOperation, type OperationState } from './async-operation.js';
import { type ErrorContext, ScalingoError } from './errors.js';
import { DEFAULT_SECURITY, envelopeOf, type OperationSpec, type ServiceName } from './operation.js';
import type { ClientOptions, RequestOptions } from './options.js';
import { Page, PagePromise, type PaginationMeta } from './pagination.js';

export type { ServiceTable };

type Params = Record<string, unknown> | undefined;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyClient = Client<any>;

const PUBLIC: Credentials = { header: () => undefined };

export class BaseClient {
  readonly #options: ClientOptions;
  readonly #services: ServiceTable;
  readonly #transport: Transport;
  readonly #tokens: TokenManager | undefined;
  readonly #raw = new Map<ServiceName, AnyClient>();
  readonly #baseUrls = new Map<ServiceName, string>();
  /** Credentials by security requirement (the generated table shares one array per kind). */
  readonly #credentialCache = new Map<OperationSpec['security'], Credentials>();
  #discovery: Promise<Partial<Record<ServiceName, string>>> | undefined;

  constructor(options: ClientOptions, services: ServiceTable) {
    this.#options = { ...options };
    this.#services = services;
    const limiter = options.rateLimit
      ? new RateLimiter(options.rateLimit === true ? {} : options.rateLimit)
      : undefined;
    this.#transport = new Transport(this.#options, limiter);
    if (options.token && !options.bearerToken && options.auth !== 'basic') {
      this.#tokens = new TokenManager(() => this.#exchange());
    }
    // Refuse insecure base URLs now rather than at the first call.
    for (const service of Object.keys(services) as ServiceName[]) resolveBaseUrl(service, services, this.#options);
  }

  /** Base URL of a service as this client resolves it (after region discovery if enabled). */
  async baseUrl(service: ServiceName): Promise<string> {
    return this.#baseUrls.get(service) ?? this.#resolveBaseUrl(service);
  }

  async #resolveBaseUrl(service: ServiceName): Promise<string> {
    const discovered = this.#options.discoverRegions && service !== 'auth' ? await this.#discover() : undefined;
    const url = resolveBaseUrl(service, this.#services, this.#options, discovered);
    this.#baseUrls.set(service, url);
    return url;
  }

  /** Calls an operation and resolves to its unwrapped result. */
  call<T>(spec: OperationSpec, positional: unknown, params: Params, options?: RequestOptions): APIPromise<T> {
    return new APIPromise<T>(this.#send(spec, positional, params, options) as Promise<WithResponse<T>>);
  }

  /** Calls a paginated operation: await it for one page, or iterate it for every item. */
  page<Item>(spec: OperationSpec, positional: unknown, params: Params, options?: RequestOptions): PagePromise<Item> {
    const fetchPage = async (page?: number): Promise<WithResponse<Page<Item>>> => {
      const { data, response } = await this.#send(spec, positional, page ? { ...params, page } : params, options);
      const body = (data ?? {}) as Record<string, unknown>;
      const meta = (body.meta as { pagination?: PaginationMeta } | undefined)?.pagination ?? {
        prev_page: null,
        current_page: 1,
        next_page: null,
        total_pages: 1,
        total_count: 0,
      };
      return { data: new Page<Item>((body[spec.paginated!] as Item[]) ?? [], meta, fetchPage), response };
    };
    return new PagePromise<Item>(fetchPage());
  }

  /**
   * The openapi-fetch client of one service, with this client's base URL,
   * credentials, timeouts and retries: for what the generated methods do not
   * cover (HEAD requests, custom headers on any path).
   */
  protected rawClient(service: ServiceName): AnyClient {
    let client = this.#raw.get(service);
    if (!client) {
      const credentials = this.#credentials(defaultSecurity(service), {});
      client = createFetchClient({
        baseUrl: resolveBaseUrl(service, this.#services, this.#options),
        fetch: (request: Request) =>
          this.#transport.send(request, {
            credentials,
            options: undefined,
            error: { method: request.method, path: new URL(request.url).pathname },
          }),
      });
      this.#raw.set(service, client);
    }
    return client;
  }

  async #send(
    spec: OperationSpec,
    positional: unknown,
    params: Params,
    options?: RequestOptions,
    credentialParams?: Record<string, unknown>,
  ): Promise<WithResponse<unknown>> {
    const context: ErrorContext = { method: spec.method, path: spec.path, operation: spec.id };
    const { path, query, header, body } = splitParams(spec, positional, params);
    const service = spec.service ?? 'regional';
    const send: SendContext = {
      error: context,
      credentials: this.#credentials(spec.security ?? DEFAULT_SECURITY, credentialParams ?? path),
      options,
    };
    const envelope = envelopeOf(spec);
    const parseAs = envelope.kind === 'raw' ? (envelope.mediaType.startsWith('text/') ? 'text' : 'blob') : 'json';
    const { data, error, response } = await this.rawClient(service).request(
      spec.method.toLowerCase() as 'get',
      spec.path,
      {
        baseUrl: this.#baseUrls.get(service) ?? (await this.#resolveBaseUrl(service)),
        params: { path, query, header },
        body,
        parseAs,
        fetch: (request: Request) => this.#transport.send(request, send),
      } as never,
    );
    if (!response.ok) throw ScalingoError.fromResponse(response.status, error, response.headers, context);
    let result: unknown =
      envelope.kind === 'root' && !spec.paginated
        ? (data as Record<string, unknown> | undefined)?.[envelope.key]
        : data;
    if (spec.async) {
      const location = response.headers.get('location') ?? '';
      result = new AsyncOperation(result, location, () => this.#operationAt(location, service, path, options));
    }
    return { data: result, response };
  }

  /**
   * The operation behind a `Location`, polled on the service that answered 202
   * (regional operations, or the database API's), with that service's
   * credentials — for the database API, the token of the same database.
   */
  async #operationAt(
    location: string,
    service: ServiceName,
    pathParams: Record<string, unknown>,
    options?: RequestOptions,
  ): Promise<OperationState> {
    if (!location) throw new Error('The API answered 202 without a Location header');
    const base = await this.baseUrl(service);
    const basePath = new URL(this.#services[service].url.replace('{region}', 'x')).pathname.replace(/\/$/, '');
    let path = new URL(location, base).pathname;
    if (basePath && path.startsWith(`${basePath}/`)) path = path.slice(basePath.length);
    const spec: OperationSpec = {
      id: 'operations.poll',
      method: 'GET',
      path,
      service,
      security: defaultSecurity(service),
      envelope: 'whole',
    };
    const body = (await this.#send(spec, undefined, undefined, options, pathParams)).data as {
      operation?: OperationState;
    } & OperationState;
    return body?.operation ?? body;
  }

  #credentials(security: NonNullable<OperationSpec['security']>, pathParams: Record<string, unknown>): Credentials {
    // Only database credentials depend on the call (the database ID); the others are built once.
    const cached = this.#credentialCache.get(security);
    if (cached) return cached;
    const credentials = this.#buildCredentials(security, pathParams);
    if (!security.flat().includes('databaseBearerAuth')) this.#credentialCache.set(security, credentials);
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
    const spec: OperationSpec = {
      id: 'tokens.exchange',
      method: 'POST',
      path: '/tokens/exchange',
      service: 'auth',
      security: [['basicAuth']],
      envelope: 'root:token',
    };
    const basic = `Basic ${btoa(`:${this.#options.token}`)}`;
    const context: ErrorContext = { method: spec.method, path: spec.path, operation: spec.id };
    const url = `${await this.baseUrl('auth')}${spec.path}`;
    const response = await this.#transport.send(
      new Request(url, { method: 'POST', headers: { accept: 'application/json' } }),
      {
        error: context,
        credentials: { header: async () => basic },
        options: { idempotent: true },
      },
    );
    const text = await response.text();
    const body = parseJson(text);
    if (!response.ok) throw ScalingoError.fromResponse(response.status, body, response.headers, context);
    const bearer = (body as { token?: unknown } | undefined)?.token;
    if (typeof bearer !== 'string')
      throw new ScalingoError('the token exchange answered no token', context, response.status);
    return bearer;
  }

  #discover(): Promise<Partial<Record<ServiceName, string>>> {
    this.#discovery ??= (async () => {
      const spec: OperationSpec = {
        id: 'regions.list',
        method: 'GET',
        path: '/regions',
        service: 'auth',
        envelope: 'root:regions',
      };
      const { data } = await this.#send(spec, undefined, undefined, undefined);
      const wanted = this.#options.region ?? this.#services.regional.regions[0];
      const region = (data as Array<{ name: string; api?: string; database_api?: string }>).find(
        (r) => r.name === wanted,
      );
      if (!region) throw new Error(`The authentication API knows no region "${wanted}"`);
      return {
        ...(region.api ? { regional: region.api } : {}),
        ...(region.database_api ? { database: region.database_api } : {}),
      };
    })().catch((error) => {
      this.#discovery = undefined;
      throw error;
    });
    return this.#discovery;
  }

  toString(): string {
    return `Scalingo(region=${this.#options.region ?? this.#services.regional.regions[0] ?? 'default'})`;
  }

  toJSON(): Record<string, unknown> {
    return { region: this.#options.region ?? this.#services.regional.regions[0], auth: this.#options.auth ?? 'bearer' };
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }
}

function defaultSecurity(service: ServiceName): NonNullable<OperationSpec['security']> {
  return service === 'database' ? [['databaseBearerAuth']] : DEFAULT_SECURITY;
}

function splitParams(spec: OperationSpec, positional: unknown, params: Params) {
  const path: Record<string, unknown> = {};
  if (spec.positional) {
    if (positional === undefined || positional === null || positional === '') {
      throw new TypeError(`${spec.id}: the ${spec.positional} argument is required`);
    }
    path[spec.positional] = positional;
  }
  for (const key of spec.pathParams ?? []) {
    if (params?.[key] === undefined) throw new TypeError(`${spec.id}: params.${key} is required`);
    path[key] = params[key];
  }
  const query: Record<string, unknown> = {};
  for (const key of spec.query ?? []) if (params?.[key] !== undefined) query[key] = params[key];
  const header: Record<string, string> = {};
  for (const key of spec.headers ?? []) if (params?.[key] !== undefined) header[key] = String(params[key]);
  let body: unknown;
  if (spec.body?.mode === 'whole') {
    body = params?.body;
  } else if (spec.body) {
    const picked: Record<string, unknown> = {};
    for (const key of spec.body.keys) if (params?.[key] !== undefined) picked[key] = params[key];
    body = Object.keys(picked).length > 0 ? picked : undefined;
  }
  return { path, query, header, body };
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return text;
  }
}
