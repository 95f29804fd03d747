/** Error codes of the desktop host. Each crosses the bridge as `{ code, message }`. */
export const DESKTOP_ERROR_CODES = {
  INVALID_INPUT: 'DESKTOP_ERR_INVALID_INPUT',
  SECRET_STORE: 'DESKTOP_ERR_SECRET_STORE',
  BACKEND_UNAVAILABLE: 'DESKTOP_ERR_BACKEND_UNAVAILABLE',
  BACKEND: 'DESKTOP_ERR_BACKEND',
  RUN_INTERRUPTED: 'DESKTOP_ERR_RUN_INTERRUPTED',
  STOP_TIMEOUT: 'DESKTOP_ERR_STOP_TIMEOUT',
  UNKNOWN_METHOD: 'DESKTOP_ERR_UNKNOWN_METHOD',
} as const;

export type DesktopErrorCode = (typeof DESKTOP_ERROR_CODES)[keyof typeof DESKTOP_ERROR_CODES];

export class DesktopError extends Error {
  override readonly name = 'DesktopError';
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** Turn any error into the `{ code, message }` body the renderer gets; never leaks stack traces. */
export function toBridgeError(error: unknown): { code: string; message: string } {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.length > 0) return { code, message: error.message };
    if (error.name === 'RunInterruptedError') {
      return { code: DESKTOP_ERROR_CODES.RUN_INTERRUPTED, message: error.message };
    }
    return { code: DESKTOP_ERROR_CODES.BACKEND, message: error.message };
  }
  return { code: DESKTOP_ERROR_CODES.BACKEND, message: String(error) };
}
