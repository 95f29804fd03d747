import { DESKTOP_ERROR_CODES } from '../shared/error-codes.js';
import type { BridgeErrorBody } from '../shared/types.js';

/** HTTP statuses of the desktop codes a bridge call can fail with; anything else is a 500. */
const DESKTOP_STATUS: Readonly<Record<string, number>> = {
  [DESKTOP_ERROR_CODES.INVALID_INPUT]: 400,
  [DESKTOP_ERROR_CODES.UNKNOWN_METHOD]: 400,
  [DESKTOP_ERROR_CODES.KEY_REJECTED]: 400,
  [DESKTOP_ERROR_CODES.BACKEND_UNAVAILABLE]: 503,
  [DESKTOP_ERROR_CODES.RUN_INTERRUPTED]: 503,
  // The backend client's own codes (no HTTP answer from the backend).
  BACKEND_UNAVAILABLE: 503,
  RUN_INTERRUPTED: 503,
  REQUEST_TIMEOUT: 504,
  [DESKTOP_ERROR_CODES.BACKEND]: 502,
};

/**
 * The browser-mode HTTP status of a failed bridge call: a backend 4xx keeps its status (the body
 * keeps its code and details); a backend 5xx is a 502 (the host is a gateway to it), with the
 * backend's own status in the body.
 */
export function httpStatusFor(error: BridgeErrorBody): number {
  if (error.status !== undefined) return error.status >= 400 && error.status < 500 ? error.status : 502;
  return DESKTOP_STATUS[error.code] ?? 500;
}
