/**
 * `@sentinel/backend/contract`: the one home of the backend's public shapes - spec and result
 * types, their JSON Schemas and the error-code table. Browser-safe (no Node imports), so the
 * desktop renderer, the host, the e2e client and the CLI all import it instead of keeping copies.
 */
export * from './assertions.js';
export * from './error-codes.js';
export * from './library.js';
export * from './providers.js';
export * from './run.js';
export * from './spec.js';
export * from './suite-run.js';
export * from './schemas/index.js';
