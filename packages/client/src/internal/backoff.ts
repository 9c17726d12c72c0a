// How long to wait before a retry: exponential backoff with full jitter, or
// what `Retry-After` asks, capped.
import type { RetryOptions } from '../core/options.js';

export function retryDelay(attempt: number, retryAfter: string | null, options: RetryOptions): number {
  const max = options.maxDelayMs ?? 30_000;
  const asked = parseRetryAfter(retryAfter);
  if (asked !== undefined) return Math.min(asked, max);
  const base = options.baseDelayMs ?? 500;
  const ceiling = Math.min(base * 2 ** attempt, max);
  // Full jitter keeps many clients that failed together from retrying together.
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

/** `Retry-After` in seconds or as an HTTP date, in ms. */
export function parseRetryAfter(value: string | null): number | undefined {
  if (value == null || value === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
