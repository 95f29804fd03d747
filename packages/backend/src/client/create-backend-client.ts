import { libraryMethods, type LibraryMethods } from './library-methods.js';
import { requestContext } from './request-context.js';
import { runMethods, type RunMethods } from './run-methods.js';
import type { Transport } from './send-request.js';
import { suiteRunMethods, type SuiteRunMethods } from './suite-run-methods.js';

/** Deadline of health, list, get, library and suite-run requests (including waiting to reconnect). */
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
  /** Resolves when the backend is (again) ready; awaited before every attempt and event-stream reconnect. @default undefined (no wait) */
  readonly whenConnected?: () => Promise<void>;
  /** Deadline of every request but execute and runTest, in ms. @default DEFAULT_REQUEST_TIMEOUT_MS (10 000) */
  readonly requestTimeoutMs?: number;
  /** Deadline of execute and runTest in ms. @default DEFAULT_EXECUTE_TIMEOUT_MS (150 000) */
  readonly executeTimeoutMs?: number;
  /** The fetch to use. @default globalThis.fetch */
  readonly fetch?: typeof globalThis.fetch;
}

/** A typed client of every route of the backend's HTTP API (fetch only: works in a browser and in Node). See docs/client.md. */
export interface BackendClient extends RunMethods, LibraryMethods, SuiteRunMethods {}

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

/**
 * Creates a {@link BackendClient}. Every request has a deadline; idempotent requests retry once
 * after a connection failure; a request that changes something is never resent once it may have
 * been sent (it rejects with an "interrupted" error saying what to check).
 */
export function createBackendClient(options: BackendClientOptions): BackendClient {
  const transport = transportFrom(options);
  const requestTimeoutMs = checkTimeout('requestTimeoutMs', options.requestTimeoutMs, DEFAULT_REQUEST_TIMEOUT_MS);
  const executeTimeoutMs = checkTimeout('executeTimeoutMs', options.executeTimeoutMs, DEFAULT_EXECUTE_TIMEOUT_MS);
  const context = requestContext(transport, requestTimeoutMs, executeTimeoutMs);
  return { ...runMethods(context), ...libraryMethods(context), ...suiteRunMethods(context) };
}
