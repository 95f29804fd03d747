import type { RunRecord, ModelAnswer } from '../contract/run.js';
import type { ProviderRegistry } from '../providers/index.js';
import { DEFAULT_CACHE_TTL_MS, type CaseRef, type HistoryStore } from '../store/index.js';
import type { PreparedCase } from './prepare-case.js';

/** Where a case may take a stored answer from, and where its answer is kept. */
export interface AnswerPolicy {
  /** The suite-run case it belongs to: its answer is journaled before the assertions run, and a resumed case reuses it. */
  readonly case?: CaseRef;
  /** Read and fill the response cache. */
  readonly cache: boolean;
  /** How long a cached answer lives. @default the store's (DEFAULT_CACHE_TTL_MS, 14 days) */
  readonly cacheTtlMs?: number;
}

/** What a model answer needs to be obtained. */
export interface AnswerDependencies {
  readonly providers: ProviderRegistry;
  readonly store: HistoryStore;
  /** Cancels the model call. @default undefined */
  readonly signal?: AbortSignal;
}

/** A model answer (with the latency it had) and where it came from. */
export interface ObtainedAnswer {
  readonly answer: ModelAnswer & { readonly latency_ms: number };
  readonly source: RunRecord['answer_source'];
  /** Something the user should know about how the answer was kept. */
  readonly note?: string;
}

/**
 * The answer to a prepared case: a stored one when the policy allows it (the case's journal, then
 * the cache), otherwise a provider call whose answer is stored durably before it is returned, so
 * a crash between the answer and the recorded run never makes the user pay for it twice.
 * @throws BackendError `NO_API_KEY` and the providers' upstream codes.
 */
export async function obtainAnswer(prepared: PreparedCase, dependencies: AnswerDependencies, policy: AnswerPolicy): Promise<ObtainedAnswer> {
  const keeps = policy.case !== undefined || policy.cache;
  if (keeps) {
    const found = await dependencies.store.findAnswer({ requestHash: prepared.requestHash, ...(policy.case === undefined ? {} : { case: policy.case }), cache: policy.cache });
    if (found !== undefined) {
      const answer = { ...found.answer, latency_ms: found.answer.latency_ms ?? 0 };
      return { answer, source: found.source === 'journal' ? 'resumed' : 'cache' };
    }
  }
  const client = dependencies.providers.client(prepared.request.provider);
  await client.load();
  // process.hrtime, not `performance`: that global loads Node's perf_hooks (about 2 ms) at the first case.
  const started = process.hrtime.bigint();
  const answer = await client.complete(prepared.request, {
    ...(dependencies.signal === undefined ? {} : { signal: dependencies.signal }),
    ...(prepared.timeoutMs === undefined ? {} : { timeoutMs: prepared.timeoutMs }),
  });
  const kept = { ...answer, latency_ms: Math.round(Number(process.hrtime.bigint() - started) / 1e6) };
  if (!keeps) return { answer: kept, source: 'provider' };
  try {
    await dependencies.store.putAnswer({
      requestHash: prepared.requestHash,
      answer: kept,
      ...(policy.case === undefined ? {} : { case: policy.case }),
      ...(policy.cache ? { cacheTtlMs: policy.cacheTtlMs ?? DEFAULT_CACHE_TTL_MS } : {}),
    });
    return { answer: kept, source: 'provider' };
  } catch (error) {
    // The answer is paid for and in hand: use it. Only a crash before the run is recorded would now re-pay.
    return { answer: kept, source: 'provider', note: `The answer could not be kept before its assertions were checked (${(error as Error).message}).` };
  }
}
