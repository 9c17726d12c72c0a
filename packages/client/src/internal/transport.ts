// Sends one operation's request: rate limit, credentials, timeout, retries
// with backoff, and one refresh of the Bearer token on a 401. openapi-fetch
// builds the Request; this is the `fetch` it calls.
import { APIConnectionError, APITimeoutError, APIUserAbortError, type ErrorContext } from '../core/errors.js';
import type { ClientOptions, RequestOptions } from '../core/options.js';
import { retryDelay, sleep } from './backoff.js';
import type { RateLimiter } from './rate-limiter.js';

const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);

export interface Credentials {
  /** `Authorization` value for this request, if the operation needs one. */
  header(): string | undefined | Promise<string | undefined>;
  /** Called once after a 401: may refresh and say whether to try again. */
  refreshAfter401?(): Promise<boolean>;
}

export interface SendContext {
  error: ErrorContext;
  credentials: Credentials;
  options: RequestOptions | undefined;
}

export class Transport {
  constructor(
    private readonly client: ClientOptions,
    private readonly limiter: RateLimiter | undefined,
  ) {}

  async send(request: Request, context: SendContext): Promise<Response> {
    const fetchImpl = this.client.fetch ?? globalThis.fetch;
    const options = context.options ?? {};
    const idempotent = IDEMPOTENT.has(request.method) || options.idempotent === true;
    const maxRetries = idempotent ? (options.maxRetries ?? this.client.retry?.maxRetries ?? 2) : 0;
    const timeout = options.timeout ?? this.client.timeout ?? 60_000;
    const body = request.body ? await request.arrayBuffer() : undefined;
    let refreshed = false;
    // The Request openapi-fetch built is ours: its headers are set in place
    // (no copy per attempt), the caller's over the client's defaults.
    const headers = request.headers;
    if (this.client.headers)
      for (const [name, value] of Object.entries(this.client.headers)) if (!headers.has(name)) headers.set(name, value);
    if (options.headers) for (const [name, value] of Object.entries(options.headers)) headers.set(name, value);
    const callerAuthorizes = headers.has('authorization');

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
        if (authorization) headers.set('authorization', authorization);
      }

      const timeoutSignal = AbortSignal.timeout(timeout);
      const signal = options.signal ? AbortSignal.any([options.signal, timeoutSignal]) : timeoutSignal;
      let response: Response;
      try {
        response = await fetchImpl(request.url, { method: request.method, headers, body, signal, redirect: 'follow' });
      } catch (cause) {
        if (options.signal?.aborted) throw new APIUserAbortError(context.error);
        const error = timeoutSignal.aborted
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
          await response.body?.cancel();
          attempt--;
          continue;
        }
      }
      if ((response.status === 429 || response.status >= 500) && attempt < maxRetries) {
        const wait = retryDelay(attempt, response.headers.get('retry-after'), this.client.retry ?? {});
        await response.body?.cancel();
        this.log(`retrying after ${response.status}`, context, attempt);
        await this.pause(wait, context);
        continue;
      }
      return response;
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
