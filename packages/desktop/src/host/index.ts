export { SentinelHost, type SentinelHostOptions } from './host.js';
export { FileSecretStore, PLAINTEXT_CODEC, safeStorageCodec, type SecretStore, type SecretCodec, type SafeStorageLike } from './secret-store.js';
export { DesktopError, DESKTOP_ERROR_CODES, toBridgeError } from './errors.js';
export { maskApiKey } from './mask.js';
export * from './backend-launch.js';
export type { SupervisorLike } from './supervisor-contract.js';
export type { BackendClientLike, BackendClientFactory } from './backend-client-contract.js';
