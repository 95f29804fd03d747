/** Every runtime failure code of the supervisor, with the message that explains it. */
export const SUPERVISOR_ERROR_CODES = {
  SUP_ERR_SPAWN: 'The command could not be spawned (missing executable, no permission, bad cwd, a failing env() or spawn())',
  SUP_ERR_PORT_IN_USE: 'The fixed port is already taken by another process',
  SUP_ERR_NO_FREE_PORT: 'No free loopback port could be found',
  SUP_ERR_STARTUP_TIMEOUT: 'The backend did not become ready before the startup deadline',
  SUP_ERR_EXITED: 'The backend exited before it became ready',
  SUP_ERR_CRASHED: 'The backend exited without being asked to',
  SUP_ERR_PROBE: 'A health probe failed',
  SUP_ERR_UNHEALTHY: 'The backend failed its health check failureThreshold times in a row',
  SUP_ERR_MEMORY_LIMIT: "The backend's process tree used more memory than metrics.maxRssBytes",
  SUP_ERR_GAVE_UP: 'The backend failed more than maxRestarts times within windowMs',
  SUP_ERR_ABORTED: 'The start was cancelled (stop() or an AbortSignal) before the backend became ready',
  SUP_ERR_NOT_RUNNING: 'The supervisor is stopped; call start()',
  SUP_ERR_STOP_TIMEOUT: 'Some process of the tree survived SIGKILL',
  SUP_ERR_INTERNAL: 'An unexpected error inside the supervisor (a bug: please report it)',
} as const;

/** A code of {@link SupervisorError}. */
export type SupervisorErrorCode = keyof typeof SUPERVISOR_ERROR_CODES;

/** What `JSON.stringify` keeps of an error (message and code included, unlike a bare Error). */
export interface SerializedError {
  readonly name: string;
  readonly message: string;
  readonly code?: string;
  readonly supervisor?: string;
  readonly cause?: SerializedError | string;
}

/** A runtime failure of the supervisor. `code` says which; `cause` carries the underlying error. */
export class SupervisorError extends Error {
  override readonly name = 'SupervisorError';
  readonly code: SupervisorErrorCode;
  /** Name of the supervisor (or group) that failed. */
  readonly supervisor: string;

  constructor(code: SupervisorErrorCode, supervisor: string, detail?: string, options?: { cause?: unknown }) {
    const base = SUPERVISOR_ERROR_CODES[code];
    super(`[${code}] ${supervisor}: ${detail === undefined ? base : `${base}: ${detail}`}`, options);
    this.code = code;
    this.supervisor = supervisor;
  }

  /** Keeps the message, code and cause chain in `JSON.stringify` (an Error's message is not enumerable). */
  toJSON(): SerializedError {
    return serializeError(this, 0) as SerializedError;
  }
}

/** True when `error` is a {@link SupervisorError}, optionally with the given code. */
export function isSupervisorError(error: unknown, code?: SupervisorErrorCode): error is SupervisorError {
  return error instanceof SupervisorError && (code === undefined || error.code === code);
}

/** `error` as a SupervisorError: itself when it is one, else wrapped with `code` (the original as cause). */
export function asSupervisorError(error: unknown, code: SupervisorErrorCode, supervisor: string): SupervisorError {
  if (error instanceof SupervisorError) return error;
  return new SupervisorError(code, supervisor, error instanceof Error ? error.message : String(error), { cause: error });
}

const MAX_CAUSE_DEPTH = 4;

function serializeError(error: unknown, depth: number): SerializedError | string {
  if (!(error instanceof Error)) return String(error);
  const { code, supervisor } = error as { code?: unknown; supervisor?: unknown };
  const out: { -readonly [K in keyof SerializedError]: SerializedError[K] } = { name: error.name, message: error.message };
  if (typeof code === 'string') out.code = code;
  if (typeof supervisor === 'string') out.supervisor = supervisor;
  if (error.cause !== undefined && depth < MAX_CAUSE_DEPTH) out.cause = serializeError(error.cause, depth + 1);
  return out;
}
