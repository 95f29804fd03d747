export {
  createBackendClient,
  DEFAULT_EXECUTE_TIMEOUT_MS,
  DEFAULT_REQUEST_TIMEOUT_MS,
  type BackendClient,
  type BackendClientOptions,
  type HealthAnswer,
} from './create-backend-client.js';
export { BackendClientError, BackendHttpError, BackendTimeoutError, BackendUnavailableError, RunInterruptedError } from './errors.js';
