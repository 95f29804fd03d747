import type { RunPage, RunRecord } from '../contract/run.js';
import type { TestSpec } from '../contract/spec.js';
import { sendRequest, type RequestPlan, type Transport } from './send-request.js';

/** Deadline of health, list and get requests (including waiting to reconnect). */
export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;
/** Deadline of an execute: above the backend's worst case (two 60 s model attempts plus backoff). */
export const DEFAULT_EXECUTE_TIMEOUT_MS = 150_000;

type Maybe<T> = T | undefined | Promise<T | undefined>;

/** Options of {@link createBackendClient}. Give `baseUrl` or `getBaseUrl`. */
export interface BackendClientOptions {
  /** The backend's URL, e.g. `http://127.0.0.1:41234`. @default undefined */
  readonly baseUrl?: string;
  /** Called before every attempt: the current URL (the port may change on restart), or undefined. @default undefined */
  readonly getBaseUrl?: () => Maybe<string>;
  /** Bearer token for `/api`, or a function returning it. @default undefined (no Authorization header) */
  readonly token?: string | (() => Maybe<string>);
  /** Resolves when the backend is (again) ready; awaited before every attempt. @default undefined (no wait) */
  readonly whenConnected?: () => Promise<void>;
  /** Deadline of health/listRuns/getRun in ms. @default DEFAULT_REQUEST_TIMEOUT_MS (10 000) */
  readonly requestTimeoutMs?: number;
  /** Deadline of execute in ms. @default DEFAULT_EXECUTE_TIMEOUT_MS (150 000) */
  readonly executeTimeoutMs?: number;
  /** The fetch to use. @default globalThis.fetch */
  readonly fetch?: typeof globalThis.fetch;
}

/** `GET /health`'s answer. */
export interface HealthAnswer {
  readonly status: 'ok';
  readonly instance: string | null;
  readonly version: string;
  readonly uptimeMs: number;
}

/** A typed client of the backend's HTTP API (fetch only: works in a browser and in Node). */
export interface BackendClient {
  health(): Promise<HealthAnswer>;
  /** Runs a spec. Never resent once sent; a crash mid-run rejects with RunInterruptedError. */
  execute(spec: TestSpec): Promise<RunRecord>;
  listRuns(options?: { limit?: number; cursor?: string }): Promise<RunPage>;
  getRun(id: string): Promise<RunRecord>;
}

function checkTimeout(name: string, value: number | undefined, fallback: number): number {
  const timeout = value ?? fallback;
  if (!Number.isFinite(timeout) || timeout <= 0) throw new TypeError(`createBackendClient: option "${name}" must be a positive number of ms; received ${String(value)}`);
  return timeout;
}

function transportFrom(options: BackendClientOptions): Transport {
  const { baseUrl, getBaseUrl, token } = options;
  if ((baseUrl === undefined) === (getBaseUrl === undefined)) {
    throw new TypeError(`createBackendClient: give exactly one of "baseUrl" and "getBaseUrl"; received baseUrl ${String(baseUrl)}`);
  }
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  return {
    resolveBaseUrl: async () => (getBaseUrl === undefined ? baseUrl : getBaseUrl()),
    resolveToken: async () => (typeof token === 'function' ? token() : token),
    whenConnected: options.whenConnected,
    fetch: fetchImpl,
  };
}

/** Creates a {@link BackendClient}. Every request has a deadline; idempotent GETs retry once after a connection failure. */
export function createBackendClient(options: BackendClientOptions): BackendClient {
  const transport = transportFrom(options);
  const requestTimeoutMs = checkTimeout('requestTimeoutMs', options.requestTimeoutMs, DEFAULT_REQUEST_TIMEOUT_MS);
  const executeTimeoutMs = checkTimeout('executeTimeoutMs', options.executeTimeoutMs, DEFAULT_EXECUTE_TIMEOUT_MS);
  const get = (what: string, path: string): Promise<unknown> =>
    sendRequest(transport, { what, method: 'GET', path, idempotent: true, timeoutMs: requestTimeoutMs } satisfies RequestPlan);
  return {
    health: async () => (await get('GET /health', '/health')) as HealthAnswer,
    async execute(spec) {
      const plan: RequestPlan = { what: 'execute', method: 'POST', path: '/api/execution/execute', body: { test_spec: spec }, idempotent: false, timeoutMs: executeTimeoutMs };
      return ((await sendRequest(transport, plan)) as { result: RunRecord }).result;
    },
    async listRuns(query = {}) {
      const params = new URLSearchParams();
      if (query.limit !== undefined) params.set('limit', String(query.limit));
      if (query.cursor !== undefined) params.set('cursor', query.cursor);
      const queryString = params.toString();
      const suffix = queryString === '' ? '' : `?${queryString}`;
      return (await get('GET /api/runs', `/api/runs${suffix}`)) as RunPage;
    },
    async getRun(id) {
      return ((await get('GET /api/runs/:id', `/api/runs/${encodeURIComponent(id)}`)) as { run: RunRecord }).run;
    },
  };
}
