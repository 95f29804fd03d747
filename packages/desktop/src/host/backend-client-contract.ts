import type { BackendClient } from '@sentinel/backend/client';

/** The backend client the host calls every route with (`@sentinel/backend/client`). */
export type BackendClientLike = BackendClient;

export interface BackendClientFactoryOptions {
  /** The current backend URL (it changes when the supervisor restarts the backend on a new port), or undefined. */
  readonly getBaseUrl: () => string | undefined;
  /** The per-launch token; never leaves the host. */
  readonly token: string;
  /** Resolves when the backend is (again) ready; rejects when it will not come back (use Retry). */
  readonly whenConnected: () => Promise<void>;
}

export type BackendClientFactory = (options: BackendClientFactoryOptions) => BackendClientLike;
