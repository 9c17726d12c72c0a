// Options of the client and of each request.
import type { ServiceName } from './operation.js';

export type AuthScheme = 'bearer' | 'basic';

export interface RetryOptions {
  /** Retries after the first attempt (default 2). */
  maxRetries?: number;
  /** First backoff delay in ms, doubled at each retry (default 500). */
  baseDelayMs?: number;
  /** Longest backoff or `Retry-After` wait honoured, in ms (default 30000). */
  maxDelayMs?: number;
}

export interface RateLimitOptions {
  /** Requests allowed per window (default 60, the API's documented limit). */
  requests?: number;
  /** Window length in ms (default 60000). */
  intervalMs?: number;
}

export interface Logger {
  debug(message: string, details?: Record<string, unknown>): void;
}

export interface ClientOptions {
  /** API token (`tk-us-…`): exchanged for a Bearer token, or sent as Basic password with `auth: 'basic'`. */
  token?: string;
  /** A Bearer token to use as is (no exchange). */
  bearerToken?: string;
  /** `bearer` (default): exchange the API token; `basic`: the 2015 scheme, token as HTTP Basic password. */
  auth?: AuthScheme;
  /** Region of the regional and database APIs (default `osc-fr1`). */
  region?: string;
  /** Ask the authentication API for the region's hosts (`GET /regions`, cached) instead of deriving them. */
  discoverRegions?: boolean;
  /**
   * Origin replacing the scheme and host of every server, keeping each server's
   * path (`http://127.0.0.1:8080` → regional `http://127.0.0.1:8080/v1`). For the sandbox.
   */
  baseUrl?: string;
  /** Full base URL of one or more services (a mock, a proxy): used as given. */
  baseUrls?: Partial<Record<ServiceName, string>>;
  /** Allow `http://` base URLs that are not loopback addresses. */
  allowInsecureHttp?: boolean;
  /** Token for the database API, or a function giving one per database ID. */
  databaseToken?: string | ((databaseId: string) => string | Promise<string>);
  /** Default timeout per attempt, in ms (default 60000). */
  timeout?: number;
  retry?: RetryOptions;
  /** Queue requests client-side to stay under the API's rate limit instead of collecting 429s. */
  rateLimit?: boolean | RateLimitOptions;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  /** Custom fetch (tests, proxies). */
  fetch?: typeof globalThis.fetch;
  logger?: Logger;
}

export interface RequestOptions {
  /** Timeout of each attempt, in ms. */
  timeout?: number;
  signal?: AbortSignal;
  /** Extra headers (`X-Request-ID`, `X-Authorization-OTP`…). */
  headers?: Record<string, string>;
  /** Retries for this request; 0 disables them. */
  maxRetries?: number;
  /** Retry this POST or PATCH as if it were idempotent (it is safe to send twice). */
  idempotent?: boolean;
}
