import type { BackendClient } from '@sentinel/backend/client';

/** The part of `@sentinel/backend/client` the host uses; a `Pick` so the compiler keeps them in step. */
export type BackendClientLike = Pick<BackendClient, 'health' | 'execute' | 'listRuns' | 'getRun'>;

export interface BackendClientFactoryOptions {
  readonly getBaseUrl: () => string | undefined;
  readonly token: string;
  readonly whenConnected: () => Promise<void>;
}

export type BackendClientFactory = (options: BackendClientFactoryOptions) => BackendClientLike;
