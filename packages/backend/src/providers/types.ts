import type { ProviderInfo, ProviderName, ProviderVerification } from '../contract/providers.js';
import type { ModelAnswer } from '../contract/run.js';
import type { ResolvedRequest } from '../contract/spec.js';

/** Options of one model call. */
export interface CompleteOptions {
  /**
   * Cancels the call: it rejects with `SHUTTING_DOWN`, or with the signal's `reason` when that is
   * a `BackendError` (so a caller can say why it cancelled). @default undefined (not cancellable)
   */
  readonly signal?: AbortSignal;
  /**
   * Bound on the whole call, retries and their waits included (a spec's `timeout_ms`); past it the
   * call rejects with `UPSTREAM_TIMEOUT`. Each attempt is also bounded by the registry's
   * `timeoutMs`. @default undefined (only the per-attempt timeout applies)
   */
  readonly timeoutMs?: number;
}

/** Calls one provider's models. */
export interface ProviderClient {
  /**
   * Loads the provider's SDK (done by the first `complete` anyway): a caller that times a call
   * awaits it first, so the one-off import is not counted as the model's latency.
   */
  load(): Promise<void>;
  /**
   * Sends the request and reduces the answer to what a run records.
   * @throws BackendError `UPSTREAM_TIMEOUT`, `UPSTREAM_UNREACHABLE`, `UPSTREAM_ERROR` (each with
   * `provider` in its details) or `SHUTTING_DOWN`.
   */
  complete(request: ResolvedRequest, options?: CompleteOptions): Promise<ModelAnswer>;
}

/** Where and how to reach one provider. */
export interface ProviderConnection {
  /** The API key; without one the provider is listed as not configured. @default undefined */
  readonly apiKey?: string;
  /**
   * The API's base URL (a local stub in tests).
   * @default the SDK's: 'https://api.anthropic.com' / 'https://api.openai.com/v1'
   */
  readonly baseUrl?: string;
}

/** Options of {@link createProviderRegistry}. */
export interface ProviderRegistryOptions {
  /** Anthropic's key and endpoint. @default {} (no key) */
  readonly anthropic?: ProviderConnection;
  /** OpenAI's key and endpoint. @default {} (no key) */
  readonly openai?: ProviderConnection;
  /** Per-attempt timeout of a model call in ms. @default DEFAULT_MODEL_TIMEOUT_MS (60 000) */
  readonly timeoutMs?: number;
  /** SDK retries after the first attempt. @default DEFAULT_MODEL_MAX_RETRIES (1) */
  readonly maxRetries?: number;
  /**
   * Longest `retry-after` that is waited for before a retry; a longer one ends the call at once.
   * @default DEFAULT_MAX_RETRY_WAIT_MS (20 000)
   */
  readonly maxRetryWaitMs?: number;
  /** Timeout of a key check in ms (no retries). @default DEFAULT_VERIFY_TIMEOUT_MS (10 000) */
  readonly verifyTimeoutMs?: number;
}

/** The configured providers: their clients, their listing and their key checks. */
export interface ProviderRegistry {
  /**
   * The client of a provider (one per provider, its SDK loaded on the first call).
   * @throws BackendError `NO_API_KEY` (details `provider`, `key_variable`) when it has no key.
   */
  client(name: ProviderName): ProviderClient;
  /** Every provider, whether it has a key, and the models with a known price. */
  list(): ProviderInfo[];
  /**
   * Checks the configured key, or `apiKey` when given, with the provider's free model listing.
   * Never throws for an upstream failure: the answer says what happened.
   */
  verify(name: ProviderName, apiKey?: string): Promise<ProviderVerification>;
}
