import { ERROR_CODES, type BackendErrorCode } from '../contract/error-codes.js';

export { ERROR_CODES, type BackendErrorCode };

/** Extra JSON fields sent with an error, e.g. `field`, `upstream_status`. */
export type ErrorDetails = Readonly<Record<string, string | number | boolean | null>>;

/** An error the backend answers with as `{ error: { code, message, ...details } }`. */
export class BackendError extends Error {
  readonly code: BackendErrorCode;
  readonly statusCode: number;
  readonly details: ErrorDetails;

  constructor(code: BackendErrorCode, options: { message?: string; details?: ErrorDetails; cause?: unknown } = {}) {
    super(options.message ?? ERROR_CODES[code].message, { cause: options.cause });
    this.name = 'BackendError';
    this.code = code;
    this.statusCode = ERROR_CODES[code].status;
    this.details = options.details ?? {};
  }
}

/** A request validation failure naming the field, e.g. `test_spec.assertions[0].regex`. */
export function validationError(field: string, problem: string): BackendError {
  return new BackendError('VALIDATION_ERROR', { message: `${field} ${problem}`, details: { field } });
}
