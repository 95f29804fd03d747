/** Every error code the backend answers with, its HTTP status and a default message. */
export const ERROR_CODES = {
  NO_API_KEY: { status: 400, message: 'No Anthropic API key is configured: add one in Settings' },
  VALIDATION_ERROR: { status: 400, message: 'The request is invalid' },
  INVALID_JSON: { status: 400, message: 'The request body is not valid JSON' },
  UNSAFE_REGEX: { status: 400, message: 'The regex assertion is invalid or could run too long' },
  UNAUTHORIZED: { status: 401, message: 'Missing or wrong bearer token' },
  FORBIDDEN_HOST: { status: 403, message: 'The Host header is not a loopback name or address' },
  FORBIDDEN_ORIGIN: { status: 403, message: 'Cross-origin requests from this origin are refused' },
  NOT_FOUND: { status: 404, message: 'No such route' },
  RUN_NOT_FOUND: { status: 404, message: 'No run with this id' },
  BODY_TOO_LARGE: { status: 413, message: 'The request body is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Send the body as application/json' },
  INTERNAL_ERROR: { status: 500, message: 'Internal error' },
  HISTORY_WRITE_FAILED: { status: 500, message: 'The run could not be saved to the history' },
  UPSTREAM_ERROR: { status: 502, message: 'The model provider answered with an error' },
  UPSTREAM_UNREACHABLE: { status: 502, message: 'The model provider could not be reached' },
  SHUTTING_DOWN: { status: 503, message: 'The backend is shutting down' },
  UPSTREAM_TIMEOUT: { status: 504, message: 'The model provider did not answer in time' },
} as const satisfies Record<string, { status: number; message: string }>;

export type BackendErrorCode = keyof typeof ERROR_CODES;

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
