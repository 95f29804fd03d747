import type { BridgeErrorBody, BridgeErrorDetails } from '../../shared/types.js';

/**
 * An error from a bridge call, with the host's code (e.g. NO_API_KEY, VALIDATION_ERROR,
 * DESKTOP_ERR_RUN_INTERRUPTED), the backend's HTTP status when it came from the backend, and the
 * fields it names (`details.field`, `details.line`, `details.column`...).
 */
export class BridgeCallError extends Error {
  override readonly name = 'BridgeCallError';
  readonly code: string;
  readonly status: number | undefined;
  readonly details: BridgeErrorDetails;

  constructor(body: BridgeErrorBody) {
    super(body.message);
    this.code = body.code;
    this.status = body.status;
    this.details = body.details ?? {};
  }
}
