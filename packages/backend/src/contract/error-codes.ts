/**
 * Every error code the backend answers with: its HTTP status and what it means. An error body is
 * always `{ "error": { "code", "message", ...details } }`; the details each code carries are named
 * in `details` (e.g. `field` for validation errors, `line` and `column` for YAML).
 */
export const ERROR_CODES = {
  VALIDATION_ERROR: { status: 400, message: 'The request is invalid', details: ['field'] },
  INVALID_JSON: { status: 400, message: 'The request body is not valid JSON', details: [] },
  INVALID_YAML: { status: 400, message: 'The YAML document does not parse', details: ['line', 'column'] },
  UNSAFE_REGEX: { status: 400, message: 'The regular expression is invalid or uses syntax that cannot run in linear time', details: ['field'] },
  NO_API_KEY: { status: 400, message: 'No API key is configured for this provider', details: ['provider', 'key_variable'] },
  COMPARE_MISMATCH: { status: 400, message: 'Only runs of the same test (or suite) can be compared', details: ['base', 'head'] },
  UNAUTHORIZED: { status: 401, message: 'Missing or wrong bearer token', details: [] },
  FORBIDDEN_HOST: { status: 403, message: 'The Host header is not a loopback name or address', details: [] },
  FORBIDDEN_ORIGIN: { status: 403, message: 'Cross-origin requests from this origin are refused', details: [] },
  NOT_FOUND: { status: 404, message: 'No such route', details: [] },
  RUN_NOT_FOUND: { status: 404, message: 'No run with this id', details: ['id'] },
  TEST_NOT_FOUND: { status: 404, message: 'No test with this id in the library', details: ['id'] },
  SUITE_NOT_FOUND: { status: 404, message: 'No suite with this id in the library', details: ['id'] },
  SUITE_RUN_NOT_FOUND: { status: 404, message: 'No suite run with this id', details: ['id'] },
  ALREADY_EXISTS: { status: 409, message: 'A test or suite with this id already exists', details: ['id'] },
  REVISION_CONFLICT: { status: 409, message: 'The file changed since it was read: reload it before saving', details: ['id', 'revision'] },
  BODY_TOO_LARGE: { status: 413, message: 'The request body is too large', details: [] },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Send the body as application/json (or application/yaml where a spec is taken)', details: [] },
  HEADERS_TOO_LARGE: { status: 431, message: 'The request headers are too large', details: [] },
  INTERNAL_ERROR: { status: 500, message: 'Internal error', details: [] },
  HISTORY_WRITE_FAILED: { status: 500, message: 'The history could not be written', details: ['storage_error'] },
  WORKSPACE_READ_FAILED: { status: 500, message: 'The workspace file or folder could not be read', details: ['path'] },
  WORKSPACE_WRITE_FAILED: { status: 500, message: 'The workspace file could not be written', details: ['path'] },
  UPSTREAM_ERROR: { status: 502, message: 'The model provider answered with an error', details: ['provider', 'upstream_status', 'upstream_type', 'retry_after_ms'] },
  UPSTREAM_UNREACHABLE: { status: 502, message: 'The model provider could not be reached', details: ['provider'] },
  SHUTTING_DOWN: { status: 503, message: 'The backend is shutting down', details: [] },
  UPSTREAM_TIMEOUT: { status: 504, message: 'The model provider did not answer in time', details: ['provider'] },
} as const satisfies Record<string, { status: number; message: string; details: readonly string[] }>;

export type BackendErrorCode = keyof typeof ERROR_CODES;

/**
 * Codes of the one fatal JSON line the sidecar prints before exiting 1 at startup (never an HTTP
 * answer), and what each means.
 */
export const FATAL_CODES = {
  CONFIG_ERROR: 'An environment variable is malformed (the line names it)',
  DATA_DIR_LOCKED: 'Another backend already uses this data directory (the line names its pid)',
  STORE_OPEN_FAILED: 'The history database could not be opened or migrated',
  START_FAILED: 'The server could not start (for example, the port is taken)',
  UNCAUGHT_EXCEPTION: 'A bug: an exception escaped',
  UNHANDLED_REJECTION: 'A bug: a promise rejection was not handled',
} as const;

export type FatalCode = keyof typeof FATAL_CODES;

/** The JSON body of every error answer. */
export interface ErrorBody {
  readonly error: {
    readonly code: BackendErrorCode;
    readonly message: string;
    readonly [detail: string]: string | number | boolean | null;
  };
}
