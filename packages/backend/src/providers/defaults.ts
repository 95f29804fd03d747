/**
 * Per-attempt timeout of a model call. A test prompt with the default max_tokens answers in
 * seconds; a minute covers long generations without leaving the desktop UI waiting the SDKs'
 * default 10 minutes.
 */
export const DEFAULT_MODEL_TIMEOUT_MS = 60_000;

/**
 * One retry (the SDK's backoff, honouring retry-after) for 408/409/429/5xx and connection errors:
 * rides out a blip, while the worst case stays about two timeouts, under the client's 150 s
 * execute deadline.
 */
export const DEFAULT_MODEL_MAX_RETRIES = 1;

/**
 * Longest wait before a retry that a provider's `retry-after` / `retry-after-ms` may ask for. A
 * longer one (a daily quota says "come back in an hour") is not waited for: the error is answered
 * at once with `retry_after_ms`. 2 × 60 s + 20 s stays under the client's 150 s execute deadline.
 */
export const DEFAULT_MAX_RETRY_WAIT_MS = 20_000;

/**
 * Timeout of a key check (`verify`), which lists models: a free call that answers in well under a
 * second, so ten seconds without an answer means the provider is not usable from here right now.
 */
export const DEFAULT_VERIFY_TIMEOUT_MS = 10_000;
