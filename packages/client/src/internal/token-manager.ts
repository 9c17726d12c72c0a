// Turns the API token into a Bearer token through `POST /tokens/exchange`,
// caches it until shortly before it expires, and lets a 401 force a refresh.
// Concurrent requests share one exchange.
import { expiresAt } from './jwt.js';

const MARGIN_MS = 60_000;

export type Exchange = () => Promise<string>;

export class TokenManager {
  private bearer: { token: string; expiresAt: number } | undefined;
  private pending: Promise<string> | undefined;

  constructor(private readonly exchange: Exchange) {}

  /** The cached token if it is still fresh, without waiting. */
  current(): string | undefined {
    return this.bearer && this.bearer.expiresAt - MARGIN_MS > Date.now() ? this.bearer.token : undefined;
  }

  async get(): Promise<string> {
    return this.current() ?? this.refresh();
  }

  /** Drops the cached token (after a 401) and exchanges again. */
  refresh(): Promise<string> {
    this.bearer = undefined;
    this.pending ??= this.exchange()
      .then((token) => {
        this.bearer = { token, expiresAt: expiresAt(token) };
        return token;
      })
      .finally(() => {
        this.pending = undefined;
      });
    return this.pending;
  }
}
