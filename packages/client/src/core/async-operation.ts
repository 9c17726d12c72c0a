// Actions answered `202 Accepted` with a `Location` header (scale, restart…):
// the result of the request plus a handle on the operation that goes on.

export type OperationStatus = 'pending' | 'running' | 'done' | 'error';

export interface OperationState {
  id: string;
  status: OperationStatus | (string & {});
  type?: string;
  error?: string;
  [key: string]: unknown;
}

export interface WaitOptions {
  /** Delay between two polls, in ms (default 2000). */
  intervalMs?: number;
  /** Give up after this long, in ms (default 10 minutes). */
  timeoutMs?: number;
  signal?: AbortSignal;
}

export class OperationFailedError extends Error {
  override name = 'OperationFailedError';
  constructor(readonly operation: OperationState) {
    super(`Operation ${operation.id} (${operation.type ?? 'unknown'}) failed: ${operation.error ?? 'no detail given'}`);
  }
}

export class AsyncOperation<T> {
  constructor(
    /** What the request answered (e.g. the new formation of a scale). */
    readonly result: T,
    /** The `Location` header: URL of the operation. */
    readonly location: string,
    private readonly fetchOperation: () => Promise<OperationState>,
  ) {}

  /** ID of the operation, the last segment of `location`. */
  get operationId(): string {
    return this.location.replace(/\/+$/, '').split('/').pop() ?? '';
  }

  /** The operation as it is now. */
  retrieve(): Promise<OperationState> {
    return this.fetchOperation();
  }

  /** Polls until the operation is `done` (resolves) or `error` (rejects with OperationFailedError). */
  async wait(options: WaitOptions = {}): Promise<OperationState> {
    const interval = options.intervalMs ?? 2000;
    const deadline = Date.now() + (options.timeoutMs ?? 600_000);
    for (;;) {
      options.signal?.throwIfAborted();
      const operation = await this.fetchOperation();
      if (operation.status === 'done') return operation;
      if (operation.status === 'error') throw new OperationFailedError(operation);
      if (Date.now() + interval > deadline)
        throw new Error(`Operation ${operation.id} still ${operation.status} after the wait timeout`);
      await new Promise((resolve) => setTimeout(resolve, interval));
    }
  }
}
