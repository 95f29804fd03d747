export { sidecarPath, SIDECAR_FILE_NAME } from './sidecar-path.js';
export { createBackendApp, DEFAULT_BODY_LIMIT_BYTES, type BackendAppOptions } from './app/create-app.js';
export { BackendError, ERROR_CODES, type BackendErrorCode } from './app/errors.js';
export { readConfig, DEFAULT_HOST, DEFAULT_DRAIN_TIMEOUT_MS, type BackendConfig } from './config/env.js';
export { DEFAULT_MODEL_MAX_RETRIES, DEFAULT_MODEL_TIMEOUT_MS } from './providers/defaults.js';
export type { TestSpec } from './execution/test-spec.js';
export type { RunResult, RunPage, RunUsage } from './runs/types.js';
export type { AssertionResult, AssertionKind, AssertionSpec } from './assertions/types.js';
export { BACKEND_VERSION } from './version.js';
