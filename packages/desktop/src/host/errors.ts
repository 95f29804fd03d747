import { BackendClientError, BackendHttpError } from '@sentinel/backend/client';
import { DESKTOP_ERROR_CODES, type DesktopErrorCode } from '../shared/error-codes.js';
import type { BridgeErrorBody, BridgeErrorDetails } from '../shared/types.js';

export { DESKTOP_ERROR_CODES, type DesktopErrorCode };

/** Most detail fields one error carries across the bridge, and the longest string value kept. */
const MAX_DETAILS = 20;
const MAX_DETAIL_LENGTH = 1_000;

export class DesktopError extends Error {
  override readonly name = 'DesktopError';
  readonly code: string;
  /** Extra fields for the UI, e.g. `field` of a validation error. */
  readonly details: BridgeErrorDetails;

  constructor(code: string, message: string, options?: { cause?: unknown; details?: BridgeErrorDetails }) {
    super(message, options);
    this.code = code;
    this.details = options?.details ?? {};
  }
}

/** Only JSON primitives cross the bridge as details (field, line, column, id...), each bounded. */
function primitiveDetails(details: Readonly<Record<string, unknown>>): BridgeErrorDetails | undefined {
  const kept: Record<string, string | number | boolean | null> = {};
  for (const [key, value] of Object.entries(details).slice(0, MAX_DETAILS)) {
    if (typeof value === 'string') kept[key] = value.slice(0, MAX_DETAIL_LENGTH);
    else if (typeof value === 'number' || typeof value === 'boolean' || value === null) kept[key] = value;
  }
  return Object.keys(kept).length > 0 ? kept : undefined;
}

/**
 * Turn any error into the body the renderer gets; never leaks stack traces. A backend answer keeps
 * its code, message, HTTP status and details (e.g. `{ code: 'VALIDATION_ERROR', status: 400,
 * details: { field: 'test_spec.model' } }`), so the UI can show it at the field or line it names.
 */
export function toBridgeError(error: unknown): BridgeErrorBody {
  if (error instanceof BackendHttpError) {
    const details = primitiveDetails(error.details);
    return { code: error.code, message: error.message, ...(error.status === undefined ? {} : { status: error.status }), ...(details ? { details } : {}) };
  }
  if (error instanceof DesktopError) {
    const details = primitiveDetails(error.details);
    return { code: error.code, message: error.message, ...(details ? { details } : {}) };
  }
  if (error instanceof BackendClientError) return { code: error.code, message: error.message };
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.length > 0) return { code, message: error.message };
    return { code: DESKTOP_ERROR_CODES.BACKEND, message: error.message };
  }
  return { code: DESKTOP_ERROR_CODES.BACKEND, message: String(error) };
}
