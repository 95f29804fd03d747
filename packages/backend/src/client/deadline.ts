import { BackendTimeoutError } from './errors.js';

/** A deadline shared by every step of one request (waiting to connect, fetching, retrying). */
export interface Deadline {
  readonly signal: AbortSignal;
  /** Settles like `promise`, or rejects with BackendTimeoutError when the deadline passes first. */
  race<T>(promise: Promise<T>): Promise<T>;
  /** The timeout error for this deadline. */
  error(cause?: unknown): BackendTimeoutError;
  clear(): void;
}

/** Starts a deadline of `timeoutMs` for the request described by `what`. */
export function startDeadline(what: string, timeoutMs: number): Deadline {
  const controller = new AbortController();
  const error = (cause?: unknown): BackendTimeoutError => new BackendTimeoutError(what, timeoutMs, cause);
  const timer = setTimeout(() => controller.abort(error()), timeoutMs);
  const expired = new Promise<never>((_resolve, reject) => {
    controller.signal.addEventListener('abort', () => reject(error()), { once: true });
  });
  expired.catch(() => undefined);
  return {
    signal: controller.signal,
    race: (promise) => Promise.race([promise, expired]),
    error,
    clear: () => clearTimeout(timer),
  };
}
