// Sends one request: rate limit, credentials, timeout, retries with backoff,
// and one refresh of the Bearer token on a 401. The request arrives as plain
// values (URL, method, lowercased headers, serialized body): no Request object
// is built and copied on the way, and a retry sends the same values again.
// With a reader, the body is read inside the attempt, under its timeout.
import { APIConnectionError, APITimeoutError, APIUserAbortError, type ErrorContext } from '../core/errors.js';
import type { ClientOptions, RequestOptions } from '../core/options.js';
import { retryDelay, sleep } from './backoff.js';
import { deadline } from './deadline.js';
import type { RateLimiter } from './rate-limiter.js';

export interface Credentials {
  /** `Authorization` value for this request, if the operation needs one. */
  header(): string | undefined | Promise<string | undefined>;
  /** Called once after a 401: may refresh and say whether to try again. */
  refreshAfter401?(): Promise<boolean>;
}

export interface OutgoingRequest {
  url: string;
  method: string;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body?: string | ArrayBuffer;
}

export interface SendContext {
  error: ErrorContext;
  credentials: Credentials;
  options: RequestOptions | undefined;
}

const NO_OPTIONS: RequestOptions = {};

export class Transport {
  readonly #fetch: typeof globalThis.fetch;
  readonly #defaultHeaders: [string, string][] | undefined;

  constructor(
    private readonly client: ClientOptions,
    private readonly limiter: RateLimiter | undefined,
  ) {
    this.#fetch = client.fetch ?? ((input, init) => globalThis.fetch(input, init));
    const defaults = client.headers ? Object.entries(client.headers) : [];
    this.#defaultHeaders =
      defaults.length > 0 ? defaults.map(([name, value]) => [name.toLowerCase(), value]) : undefined;
  }

  /**
   * Sends the request; with `read`, reads the answer's body too, under the
   * same attempt's timeout (without, the caller reads it: the raw clients).
   */
  async send<T>(
    request: OutgoingRequest,
    context: SendContext,
    read?: (response: Response) => Promise<T>,
  ): Promise<{ response: Response; data: T | undefined }> {
    const options = context.options ?? NO_OPTIONS;
    const method = request.method;
    const idempotent =
      method === 'GET' || method === 'HEAD' || method === 'PUT' || method === 'DELETE' || options.idempotent === true;
    const maxRetries = idempotent ? (options.maxRetries ?? this.client.retry?.maxRetries ?? 2) : 0;
    const timeout = options.timeout ?? this.client.timeout ?? 60_000;
    // The headers object is ours: the client's defaults fill in what the
    // operation did not set, the caller's own headers win over both.
    const headers = request.headers;
    if (this.#defaultHeaders) for (const [name, value] of this.#defaultHeaders) headers[name] ??= value;
    if (options.headers)
      for (const [name, value] of Object.entries(options.headers)) headers[name.toLowerCase()] = value;
    const callerAuthorizes = headers.authorization !== undefined;
    let refreshed = false;

    for (let attempt = 0; ; attempt++) {
      if (options.signal?.aborted) throw new APIUserAbortError(context.error);
      if (this.limiter)
        await this.limiter.acquire(options.signal).catch(() => {
          throw new APIUserAbortError(context.error);
        });
      if (!callerAuthorizes) {
        // Read at every attempt: a 401 may have refreshed the Bearer token.
        const pending = context.credentials.header();
        const authorization = typeof pending === 'string' || pending === undefined ? pending : await pending;
        if (authorization) headers.authorization = authorization;
      }

      const attemptDeadline = deadline(timeout, options.signal, read !== undefined);
      let response: Response;
      try {
        response = await this.#fetch(request.url, {
          method,
          headers,
          body: request.body,
          signal: attemptDeadline.signal,
        });
      } catch (cause) {
        attemptDeadline.clear();
        if (options.signal?.aborted) throw new APIUserAbortError(context.error);
        const error = attemptDeadline.timeout.aborted
          ? new APITimeoutError(context.error, timeout)
          : new APIConnectionError(context.error, cause);
        if (attempt >= maxRetries) throw error;
        this.log('retrying after a connection failure', context, attempt);
        await this.pause(retryDelay(attempt, null, this.client.retry ?? {}), context);
        continue;
      }

      if (response.status === 401 && !refreshed && context.credentials.refreshAfter401) {
        refreshed = true;
        if (await context.credentials.refreshAfter401()) {
          attemptDeadline.clear();
          await response.body?.cancel();
          attempt--;
          continue;
        }
      }
      if ((response.status === 429 || response.status >= 500) && attempt < maxRetries) {
        const wait = retryDelay(attempt, response.headers.get('retry-after'), this.client.retry ?? {});
        attemptDeadline.clear();
        await response.body?.cancel();
        this.log(`retrying after ${response.status}`, context, attempt);
        await this.pause(wait, context);
        continue;
      }
      if (!read) return { response, data: undefined };
      try {
        return { response, data: await read(response) };
      } catch (cause) {
        if (options.signal?.aborted) throw new APIUserAbortError(context.error);
        if (attemptDeadline.timeout.aborted) throw new APITimeoutError(context.error, timeout);
        throw cause;
      } finally {
        attemptDeadline.clear();
      }
    }
  }

  private async pause(ms: number, context: SendContext): Promise<void> {
    try {
      await sleep(ms, context.options?.signal);
    } catch {
      throw new APIUserAbortError(context.error);
    }
  }

  private log(message: string, context: SendContext, attempt: number): void {
    this.client.logger?.debug(message, {
      method: context.error.method,
      path: context.error.path,
      attempt: attempt + 1,
    });
  }
}
