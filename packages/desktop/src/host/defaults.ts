import { Supervisor } from '@sentinel/supervisor';
import { createBackendClient } from '@sentinel/backend/client';
import type { BackendClientFactory } from './backend-client-contract.js';
import type { BackendSupervisorOptions } from './backend-launch.js';
import type { SupervisorLike } from './supervisor-contract.js';

/** The real backend client (`@sentinel/backend/client`), wired to the host's connection state. */
export const createDefaultClient: BackendClientFactory = (options) =>
  createBackendClient({ getBaseUrl: options.getBaseUrl, token: options.token, whenConnected: options.whenConnected });

/**
 * The real `@sentinel/supervisor`. Assigning `new Supervisor(...)` to SupervisorLike makes the
 * compiler check that the supervisor still honours the contract the host is written against.
 */
export function createDefaultSupervisor(options: BackendSupervisorOptions): SupervisorLike {
  return new Supervisor(options);
}

/** Absolute path of the bundled backend in this checkout (`@sentinel/backend/sidecar`). */
export function devSidecarPath(): string {
  return new URL(import.meta.resolve('@sentinel/backend/sidecar')).pathname;
}
