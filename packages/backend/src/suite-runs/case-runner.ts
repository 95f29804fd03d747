import { BackendError } from '../app/errors.js';
import type { CaseError } from '../contract/suite-run.js';
import { buildRun, isHistoryWriteFailure, obtainAnswer, type ObtainedAnswer, type PreparedCase } from '../execution/index.js';
import type { ProviderRegistry } from '../providers/index.js';
import type { CaseOutcome, HistoryStore } from '../store/index.js';
import { retryWait, type ProviderLane, type RetryRule } from './case-retry.js';
import type { ReadyCase } from './prepare-plan.js';
import type { SuiteRunnerLogger } from './types.js';

/** How one case's attempt ended: recorded, skipped (it had already ended), cut by an abort, or not recordable. */
export type CaseEnd = 'ended' | 'skipped' | 'interrupted' | 'storage-failed';

/** What running a case of a suite run needs from the run. */
export interface CaseHost {
  readonly suiteRunId: string;
  readonly store: HistoryStore;
  readonly providers: ProviderRegistry;
  readonly logger: SuiteRunnerLogger;
  readonly cache: boolean;
  readonly cacheTtlMs: number;
  /** Keep the answer, keyed to the case, before its assertions run (for a resume). */
  readonly journalAnswers: boolean;
  readonly retry: RetryRule;
  /** Aborted by a cancel, a drain past its bound, or the runner's own signal. */
  readonly signal: AbortSignal;
  ready(index: number): ReadyCase;
  started(index: number): void;
  ended(outcome: CaseOutcome): void;
}

/** The reason a case ends in `error`: the error's code and message (a bug is INTERNAL_ERROR). */
export function caseErrorOf(error: unknown): CaseError {
  if (error instanceof BackendError) return { code: error.code, message: error.message };
  return { code: 'INTERNAL_ERROR', message: error instanceof Error ? error.message : String(error) };
}

/** The case's answer: journaled, cached or from the provider, tried again while the provider is rate-limited. */
async function obtainWithRetries(host: CaseHost, index: number, prepared: PreparedCase, lane: ProviderLane): Promise<ObtainedAnswer> {
  const policy = { ...(host.journalAnswers ? { case: { suiteRunId: host.suiteRunId, index } } : {}), cache: host.cache, cacheTtlMs: host.cacheTtlMs };
  for (let attempt = 1; ; attempt += 1) {
    await lane.whenOpen(host.signal);
    try {
      return await obtainAnswer(prepared, { providers: host.providers, store: host.store, signal: host.signal }, policy);
    } catch (error) {
      const wait = retryWait(error, attempt, host.retry);
      if (wait === undefined || host.signal.aborted) throw error;
      lane.pauseFor(wait);
      host.logger.warn({ suiteRunId: host.suiteRunId, index, attempt, waitMs: wait, code: (error as BackendError).code }, 'provider rate-limited a suite-run case: trying it again');
    }
  }
}

async function answerAndRecord(host: CaseHost, index: number, prepared: PreparedCase, lane: ProviderLane): Promise<CaseOutcome> {
  const startedAt = new Date();
  const obtained = await obtainWithRetries(host, index, prepared, lane);
  const origin = { test_id: null, suite_run_id: host.suiteRunId, case_index: index };
  const { suite_run_id: _suiteRunId, case_index: _caseIndex, ...run } = buildRun(prepared, obtained, origin, startedAt);
  return host.store.recordCaseResult(host.suiteRunId, index, run);
}

async function recordError(host: CaseHost, index: number, error: unknown): Promise<CaseEnd> {
  host.ended(await host.store.recordCaseError(host.suiteRunId, index, caseErrorOf(error)));
  return 'ended';
}

async function attempt(host: CaseHost, index: number, lane: ProviderLane): Promise<CaseEnd> {
  if (!(await host.store.markCaseRunning(host.suiteRunId, index))) return 'skipped';
  host.started(index);
  const ready = host.ready(index);
  if (!ready.ok) return recordError(host, index, ready.error);
  try {
    host.ended(await answerAndRecord(host, index, ready.prepared, lane));
    return 'ended';
  } catch (error) {
    if (host.signal.aborted) return 'interrupted';
    if (isHistoryWriteFailure(error)) throw error;
    return recordError(host, index, error);
  }
}

/**
 * Runs one case: claims it (`running`, durably), obtains its answer (journaled before its
 * assertions run), records its run once; a case the model could not answer ends in `error` with
 * the reason. A case cut by an abort stays `running` for the resume; a storage failure leaves it too.
 */
export async function runCase(host: CaseHost, index: number, lane: ProviderLane): Promise<CaseEnd> {
  try {
    return await attempt(host, index, lane);
  } catch (error) {
    if (!isHistoryWriteFailure(error)) throw error;
    host.logger.error({ suiteRunId: host.suiteRunId, index, code: error.code, storageError: error.details.storage_error }, error.message);
    return 'storage-failed';
  }
}
