import { setTimeout as sleep } from 'node:timers/promises';
import { BackendError } from '../app/errors.js';
import { CASE_RETRY_BASE_WAIT_MS, RATE_LIMIT_STATUSES } from './defaults.js';

/** How often and how long a suite run tries a rate-limited case again. */
export interface RetryRule {
  /** Extra tries after the first (each after the SDK's own retries). */
  readonly retries: number;
  /** Longest wait honoured; a provider asking for longer ends the case at once. */
  readonly waitMaxMs: number;
}

/**
 * The wait before trying a case again after `error` on its `attempt`-th try (1 = the first), or
 * undefined when it is not tried again: only 429 and overload answers (503, 529) are, waiting what
 * the provider asked for (`retry_after_ms`) or else 1 s, 2 s, 4 s...
 */
export function retryWait(error: unknown, attempt: number, rule: RetryRule): number | undefined {
  if (!(error instanceof BackendError) || error.code !== 'UPSTREAM_ERROR' || attempt > rule.retries) return undefined;
  const status = error.details.upstream_status;
  if (typeof status !== 'number' || !RATE_LIMIT_STATUSES.has(status)) return undefined;
  const asked = error.details.retry_after_ms;
  const wait = typeof asked === 'number' && asked > 0 ? asked : CASE_RETRY_BASE_WAIT_MS * 2 ** (attempt - 1);
  return wait <= rule.waitMaxMs ? wait : undefined;
}

/**
 * The cases of one suite run that go to one provider: the queue its workers take cases from, and
 * a pause every worker honours before its next call once the provider asked to wait.
 */
export class ProviderLane {
  readonly queue: number[] = [];
  #openAt = 0;

  /** Makes every worker of the lane wait `ms` before its next model call. */
  pauseFor(ms: number): void {
    this.#openAt = Math.max(this.#openAt, Date.now() + ms);
  }

  /** Resolves once the lane is open (rejects with the signal's AbortError when aborted first). */
  async whenOpen(signal: AbortSignal): Promise<void> {
    const wait = this.#openAt - Date.now();
    if (wait > 0) await sleep(wait, undefined, { signal });
  }
}
