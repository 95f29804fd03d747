import type { RunPage, RunResult, TestSpec } from '../shared/types.js';

/** The part of `@sentinel/backend/client` the host uses (see the backend's contract). */
export interface BackendClientLike {
  health(): Promise<unknown>;
  execute(spec: TestSpec): Promise<unknown>;
  listRuns(options?: { limit?: number; cursor?: string }): Promise<unknown>;
  getRun(id: string): Promise<unknown>;
}

export interface BackendClientFactoryOptions {
  readonly getBaseUrl: () => string | undefined;
  readonly token: string;
  readonly whenConnected: () => Promise<void>;
}

export type BackendClientFactory = (options: BackendClientFactoryOptions) => BackendClientLike;

/** Accept both `{ result }` and a bare result, so the host does not depend on an envelope detail. */
export function unwrap<T>(value: unknown, key: string): T {
  if (typeof value === 'object' && value !== null && key in value) return (value as Record<string, unknown>)[key] as T;
  return value as T;
}

export function toRunPage(value: unknown): RunPage {
  const page = value as Partial<RunPage> | undefined;
  return { runs: Array.isArray(page?.runs) ? page.runs : [], next_cursor: page?.next_cursor ?? null };
}

export type { RunResult };
