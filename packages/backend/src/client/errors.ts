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

/**
 * A request that changes something (a library create or delete) was cut off before the backend
 * answered: it may or may not have been done, so it is not resent. Read the item before trying again.
 */
export class RequestInterruptedError extends BackendClientError {
  constructor(what: string, cause?: unknown) {
    super('REQUEST_INTERRUPTED', `${what} was interrupted: the backend stopped before answering, so it may or may not have been done. Check before trying again.`, { cause });
    this.name = 'RequestInterruptedError';
  }
}

/**
 * A suite-run start (or rerun-failed) was cut off before the backend answered. Not retried: the
 * run may or may not exist (the backend stores the plan before it answers, and a stored plan runs
 * by itself after a restart). Look for it with `listSuiteRuns()` (newest first, started after
 * `sentAt`) before starting it again.
 */
export class SuiteRunStartInterruptedError extends BackendClientError {
  /** When the request was sent (ISO 8601): a run that exists started after it. */
  readonly sentAt: string;

  constructor(sentAt: string, cause?: unknown) {
    super(
      'SUITE_RUN_START_INTERRUPTED',
      'The suite run may or may not have started: the backend stopped before answering. Look for it in the suite-run list before starting it again.',
      { cause },
    );
    this.name = 'SuiteRunStartInterruptedError';
    this.sentAt = sentAt;
  }
}
