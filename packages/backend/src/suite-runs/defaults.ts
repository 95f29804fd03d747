/** Cases of one suite run in flight at once per provider, when the request does not say. */
export const DEFAULT_SUITE_CONCURRENCY = 4;
/** Highest `concurrency` a suite run may ask for (per provider). */
export const MAX_SUITE_CONCURRENCY = 64;
/**
 * Extra tries of a case whose provider answered 429 or "overloaded" after the SDK's own retries
 * (see docs/suite-runs.md, "Retries"): a suite is unattended and bursts many calls at once.
 */
export const DEFAULT_CASE_RETRIES = 3;
/** Longest wait before such a try; a provider asking for longer ends the case in `error` at once. */
export const DEFAULT_CASE_RETRY_WAIT_MAX_MS = 60_000;
/** Wait before the n-th extra try when the provider gave no retry-after: 1 s, 2 s, 4 s... */
export const CASE_RETRY_BASE_WAIT_MS = 1_000;
/** Upstream statuses that mean "too many requests" or "overloaded": retried by the suite runner. */
export const RATE_LIMIT_STATUSES: ReadonlySet<number> = new Set([429, 503, 529]);
/** Interval of the SSE heartbeat comment on `GET /api/suite-runs/:id/events`. */
export const DEFAULT_HEARTBEAT_MS = 15_000;
