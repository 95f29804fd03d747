/** Every runtime failure code of the supervisor, with the message that explains it. */
export const SUPERVISOR_ERROR_CODES = {
  SUP_ERR_SPAWN: 'The command could not be spawned (missing executable, no permission, bad cwd)',
  SUP_ERR_PORT_IN_USE: 'The fixed port is already taken by another process',
  SUP_ERR_NO_FREE_PORT: 'No free loopback port could be found',
  SUP_ERR_STARTUP_TIMEOUT: 'The backend did not become ready before the startup deadline',
  SUP_ERR_EXITED: 'The backend exited before it became ready',
  SUP_ERR_CRASHED: 'The backend exited without being asked to',
  SUP_ERR_UNHEALTHY: 'The backend failed its health check failureThreshold times in a row',
  SUP_ERR_GAVE_UP: 'The backend failed more than maxRestarts times within windowMs',
  SUP_ERR_ABORTED: 'stop() was called before the backend became ready',
  SUP_ERR_STOP_TIMEOUT: 'Some process of the tree survived SIGKILL',
} as const;

/** A code of {@link SupervisorError}. */
export type SupervisorErrorCode = keyof typeof SUPERVISOR_ERROR_CODES;

/** A runtime failure of the supervisor. `code` says which; `cause` carries the underlying error. */
export class SupervisorError extends Error {
  override readonly name = 'SupervisorError';
  readonly code: SupervisorErrorCode;
  /** Name of the supervisor that failed. */
  readonly supervisor: string;

  constructor(code: SupervisorErrorCode, supervisor: string, detail?: string, options?: { cause?: unknown }) {
    const base = SUPERVISOR_ERROR_CODES[code];
    super(`[${code}] ${supervisor}: ${detail === undefined ? base : `${base}: ${detail}`}`, options);
    this.code = code;
    this.supervisor = supervisor;
  }
}

/** True when `error` is a {@link SupervisorError}, optionally with the given code. */
export function isSupervisorError(error: unknown, code?: SupervisorErrorCode): error is SupervisorError {
  return error instanceof SupervisorError && (code === undefined || error.code === code);
}
