/** Base class of every error the backend client throws; `code` says which failure it was. */
export class BackendClientError extends Error {
  readonly code: string;
  /** HTTP status when the backend answered, else `undefined`. */
  readonly status: number | undefined;

  constructor(code: string, message: string, options: { status?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'BackendClientError';
    this.code = code;
    this.status = options.status;
  }
}

/** The backend answered with an error body `{ error: { code, message, ...details } }`. */
export class BackendHttpError extends BackendClientError {
  /** Extra fields of the error body, e.g. `field`, `upstream_status`. */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(status: number, code: string, message: string, details: Readonly<Record<string, unknown>>) {
    super(code, message, { status });
    this.name = 'BackendHttpError';
    this.details = details;
  }
}

/** The backend could not be reached (not running, restarting, or no URL known yet). */
export class BackendUnavailableError extends BackendClientError {
  constructor(message: string, cause?: unknown) {
    super('BACKEND_UNAVAILABLE', message, { cause });
    this.name = 'BackendUnavailableError';
  }
}

/** The request did not finish before its deadline. */
export class BackendTimeoutError extends BackendClientError {
  readonly timeoutMs: number;

  constructor(what: string, timeoutMs: number, cause?: unknown) {
    super('REQUEST_TIMEOUT', `${what} got no answer within ${timeoutMs} ms`, { cause });
    this.name = 'BackendTimeoutError';
    this.timeoutMs = timeoutMs;
  }
}

/**
 * An execute was cut off (the backend crashed or restarted mid-run). It is not retried, since a
 * run is not idempotent: it may or may not be in the history.
 */
export class RunInterruptedError extends BackendClientError {
  constructor(cause?: unknown) {
    super(
      'RUN_INTERRUPTED',
      'The run was interrupted: the backend stopped before answering. Check the run history before running it again.',
      { cause },
    );
    this.name = 'RunInterruptedError';
  }
}
