/** The desktop's own client and the local Anthropic stub, from @sentinel/backend. */
import { createBackendClient, type BackendClient, type BackendClientOptions } from '@sentinel/backend/client';
import { startAnthropicStub as startStub, type AnthropicStub } from '@sentinel/backend/testing';

/** The client the chaos loop drives (a generic backend gets a health-only one with the same rules). */
export interface ChaosBackendClient {
  health(): Promise<unknown>;
  execute(spec: Parameters<BackendClient['execute']>[0]): Promise<{ id: string }>;
  listRuns(options?: { limit?: number; cursor?: string }): Promise<{ runs: ReadonlyArray<{ id: string }>; next_cursor: string | null }>;
}

export interface ChaosClientOptions {
  readonly getBaseUrl: () => string | undefined;
  readonly token: string;
  readonly whenConnected: () => Promise<void>;
  readonly requestTimeoutMs: number;
  readonly executeTimeoutMs: number;
}

export type ChaosAnthropicStub = AnthropicStub;

/** @sentinel/backend/client's createBackendClient: the desktop's retry and deadline behaviour. */
export function createSentinelClient(options: ChaosClientOptions): BackendClient {
  const clientOptions: BackendClientOptions = { ...options };
  return createBackendClient(clientOptions);
}

/** Starts @sentinel/backend/testing's local Anthropic Messages API stub. */
export function startAnthropicStub(): Promise<ChaosAnthropicStub> {
  return startStub();
}
