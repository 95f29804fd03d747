export {
  createBackendClient,
  DEFAULT_EXECUTE_TIMEOUT_MS,
  DEFAULT_REQUEST_TIMEOUT_MS,
  type BackendClient,
  type BackendClientOptions,
  type HealthAnswer,
} from './create-backend-client.js';
export { BackendClientError, BackendHttpError, BackendTimeoutError, BackendUnavailableError, RunInterruptedError } from './errors.js';
export type { TestSpec } from '../execution/test-spec.js';
/** `RunResult` is the earlier name of `RunRecord` (a run as the history stores it). */
export type { RunPage, RunRecord, RunRecord as RunResult, RunUsage } from '../contract/run.js';
export type { AssertionResult, AssertionKind, AssertionSpec } from '../assertions/types.js';
