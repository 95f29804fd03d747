/**
 * Error codes of the desktop app (host and both adapters). Each crosses the bridge as
 * `{ code, message, status?, details? }` (BridgeErrorBody); backend codes (e.g. `VALIDATION_ERROR`)
 * pass through unchanged. Browser-safe: the renderer branches on these too.
 */
export const DESKTOP_ERROR_CODES = {
  INVALID_INPUT: 'DESKTOP_ERR_INVALID_INPUT',
  SECRET_STORE: 'DESKTOP_ERR_SECRET_STORE',
  /** A provider refused the key being saved (`details: { field: 'key', provider, upstream_status }`): nothing was stored. */
  KEY_REJECTED: 'DESKTOP_ERR_KEY_REJECTED',
  /** A setting (the workspace folder) or a draft could not be read or written in the data directory. */
  STATE_STORE: 'DESKTOP_ERR_STATE_STORE',
  BACKEND_UNAVAILABLE: 'DESKTOP_ERR_BACKEND_UNAVAILABLE',
  BACKEND: 'DESKTOP_ERR_BACKEND',
  RUN_INTERRUPTED: 'DESKTOP_ERR_RUN_INTERRUPTED',
  STOP_TIMEOUT: 'DESKTOP_ERR_STOP_TIMEOUT',
  UNKNOWN_METHOD: 'DESKTOP_ERR_UNKNOWN_METHOD',
  /** Electron: an IPC call from a frame that is not the main frame of Sentinel's window at app://sentinel. */
  FORBIDDEN: 'DESKTOP_ERR_FORBIDDEN',
  /** The renderer cannot reach Sentinel itself (browser mode: the process was stopped). */
  HOST_UNREACHABLE: 'DESKTOP_ERR_HOST_UNREACHABLE',
  /** Browser mode: a malformed request target (`GET //%%`, absolute-form, `*`) or an unsupported method. */
  BAD_REQUEST: 'DESKTOP_ERR_BAD_REQUEST',
  /** Browser mode: no such page or route. */
  NOT_FOUND: 'DESKTOP_ERR_NOT_FOUND',
  /** Browser mode: the Host header is not Sentinel's own `127.0.0.1:<port>` (DNS rebinding). */
  MISDIRECTED: 'DESKTOP_ERR_MISDIRECTED',
  /** Browser mode: a bridge request without Sentinel's exact Origin (or with none at all). */
  FORBIDDEN_ORIGIN: 'DESKTOP_ERR_FORBIDDEN_ORIGIN',
  /** Browser mode: the login link was already used, has expired or is unknown. */
  LOGIN_LINK: 'DESKTOP_ERR_LOGIN_LINK',
  /** Browser mode: no page secret, or one that names no session: open a fresh login link. */
  SIGNED_OUT: 'DESKTOP_ERR_SIGNED_OUT',
  /** Browser mode: the page secret is right but the session cookie is missing or was replaced; renew it. */
  SESSION_COOKIE: 'DESKTOP_ERR_SESSION_COOKIE',
} as const;

export type DesktopErrorCode = (typeof DESKTOP_ERROR_CODES)[keyof typeof DESKTOP_ERROR_CODES];
