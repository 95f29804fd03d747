export { sidecarFiles, sidecarPath, SIDECAR_BUNDLE_FILE_NAME, SIDECAR_FILE_NAME, type SidecarFilesOptions } from './sidecar-path.js';
export { createBackendApp, DEFAULT_BODY_LIMIT_BYTES, type BackendAppOptions } from './app/create-app.js';
export { BackendError } from './app/errors.js';
export { readConfig, readModelEnvironment, DEFAULT_HOST, DEFAULT_DRAIN_TIMEOUT_MS, type BackendConfig, type ModelEnvironment } from './config/env.js';
export { DEFAULT_MODEL_MAX_RETRIES, DEFAULT_MODEL_TIMEOUT_MS } from './providers/defaults.js';
export { SQLITE_NATIVE_FILE_NAME } from './store/index.js';
export { BACKEND_VERSION } from './version.js';
export * from './contract/index.js';
