// The timeout of one attempt, as the signal handed to fetch. When the caller
// knows where the attempt ends (the body read), a plain timer is armed and
// cleared there: AbortSignal.timeout's weak references and finalization
// registry cost every call, and its timer outlives the request. Without that
// end (the raw clients leave the body to openapi-fetch), AbortSignal.timeout
// lets the timer go with the signal.

export interface Deadline {
  /** What fetch (and the body read) listens to: the timeout, and the caller's signal if any. */
  signal: AbortSignal;
  /** The timeout, alone. */
  timeout: AbortSignal;
  /** The attempt is over: its timer goes. */
  clear(): void;
}

// The reason does not matter: the transport tells a timeout by `timeout.aborted`.
const expire = (controller: AbortController) => controller.abort();

export function deadline(ms: number, callerSignal: AbortSignal | undefined, cleared: boolean): Deadline {
  let timeout: AbortSignal;
  let clear = () => {};
  if (cleared) {
    const controller = new AbortController();
    const timer = setTimeout(expire, ms, controller);
    // Like AbortSignal.timeout's: the pending request, not the timer, keeps the process alive.
    (timer as { unref?: () => void }).unref?.();
    clear = () => clearTimeout(timer);
    timeout = controller.signal;
  } else timeout = AbortSignal.timeout(ms);
  return { signal: callerSignal ? AbortSignal.any([callerSignal, timeout]) : timeout, timeout, clear };
}
