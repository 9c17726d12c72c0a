// Client-side limiter: at most `requests` requests per sliding window; the
// others wait their turn in order instead of being answered 429.
import type { RateLimitOptions } from '../core/options.js';
import { sleep } from './backoff.js';

export class RateLimiter {
  private readonly requests: number;
  private readonly intervalMs: number;
  private readonly sent: number[] = [];
  private queue: Promise<void> = Promise.resolve();

  constructor(options: RateLimitOptions = {}) {
    this.requests = options.requests ?? 60;
    this.intervalMs = options.intervalMs ?? 60_000;
  }

  /** Resolves when a request may be sent. */
  acquire(signal?: AbortSignal): Promise<void> {
    const turn = this.queue.then(() => this.waitForSlot(signal));
    // A cancelled waiter must not block the ones behind it.
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async waitForSlot(signal?: AbortSignal): Promise<void> {
    for (;;) {
      const now = Date.now();
      while (this.sent.length > 0 && this.sent[0]! <= now - this.intervalMs) this.sent.shift();
      if (this.sent.length < this.requests) {
        this.sent.push(now);
        return;
      }
      await sleep(this.sent[0]! + this.intervalMs - now, signal);
    }
  }
}
