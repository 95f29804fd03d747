export {
  createBackendClient,
  DEFAULT_EXECUTE_TIMEOUT_MS,
  DEFAULT_REQUEST_TIMEOUT_MS,
  type BackendClient,
  type BackendClientOptions,
} from './create-backend-client.js';
export type { HealthAnswer, PageOptions, RunMethods } from './run-methods.js';
export type { ExportedYaml, LibraryFilter, LibraryMethods, SuiteInput, TestInput } from './library-methods.js';
export type { SuiteRunMethods } from './suite-run-methods.js';
export {
  DEFAULT_RECONNECT_TIMEOUT_MS,
  DEFAULT_STALE_STREAM_MS,
  MAX_RECONNECT_DELAY_MS,
  RECONNECT_DELAY_MS,
  type WatchSuiteRunOptions,
} from './watch-suite-run.js';
export { SseParser, type ServerSentEvent } from './sse-parser.js';
export {
  BackendClientError,
  BackendHttpError,
  BackendTimeoutError,
  BackendUnavailableError,
  RequestInterruptedError,
  RunInterruptedError,
  SuiteRunStartInterruptedError,
} from './errors.js';
