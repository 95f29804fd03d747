/** Options of start() and whenReady(). */
export interface WaitOptions {
  /** Gives up waiting when it aborts (start(): and stops a start that is not ready yet). @default undefined */
  readonly signal?: AbortSignal;
}

/** Validates `{ signal? }`; returns the signal. */
export function checkWaitOptions(method: string, options: WaitOptions | undefined): AbortSignal | undefined {
  if (options === undefined) return undefined;
  if (typeof options !== 'object' || options === null || Object.keys(options).some((k) => k !== 'signal')) {
    throw new TypeError(`${method}() takes { signal?: AbortSignal }, received ${String(options)}`);
  }
  if (options.signal !== undefined && !(options.signal instanceof AbortSignal)) throw new TypeError(`${method}({ signal }) must be an AbortSignal`);
  return options.signal;
}

/** `promise`, or a rejection with `onAbort()` when `signal` aborts first (the listener is removed after). */
export function abortable<T>(promise: Promise<T>, signal: AbortSignal, onAbort: () => unknown): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const abort = (): void => reject(onAbort());
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', abort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', abort);
        reject(error);
      },
    );
  });
}
