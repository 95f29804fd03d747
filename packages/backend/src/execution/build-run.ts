import { evaluateAssertions } from '../assertions/index.js';
import { estimateCostUsd } from '../providers/index.js';
import type { NewRun } from '../store/index.js';
import type { ObtainedAnswer } from './obtain-answer.js';
import type { PreparedCase } from './prepare-case.js';

/** Which library test and suite-run case a run belongs to. */
export interface RunOrigin {
  readonly test_id: string | null;
  readonly suite_run_id: string | null;
  readonly case_index: number | null;
}

/** A run's origin when it belongs to nothing: a spec executed on its own. */
export const NO_ORIGIN: RunOrigin = { test_id: null, suite_run_id: null, case_index: null };

const SOURCE_NOTES = {
  provider: undefined,
  cache: 'The answer came from the response cache: the model was not called again.',
  resumed: 'The answer was received before the backend restarted and was kept: the model was not called again.',
} as const;

/** The estimated cost: by the model that answered (dated ids match their family), else by the one asked for. */
function costOf(prepared: PreparedCase, obtained: ObtainedAnswer): number | null {
  const { provider, model } = prepared.request;
  return estimateCostUsd(provider, obtained.answer.response_model, obtained.answer.usage) ?? estimateCostUsd(provider, model, obtained.answer.usage);
}

/** Checks the answer's assertions and assembles the run to record. */
export function buildRun(prepared: PreparedCase, obtained: ObtainedAnswer, origin: RunOrigin, startedAt: Date): NewRun {
  const { answer } = obtained;
  const { request, spec } = prepared;
  const costUsd = costOf(prepared, obtained);
  const subject = { output: answer.output, toolCalls: answer.tool_calls, latencyMs: answer.latency_ms, usage: answer.usage, costUsd, model: request.model };
  const { success, results } = evaluateAssertions(prepared.assertions, subject);
  const notes = [...prepared.notes, ...(answer.notes ?? []), SOURCE_NOTES[obtained.source], obtained.note].filter((note): note is string => note !== undefined);
  return {
    name: spec.name,
    success,
    provider: request.provider,
    model: request.model,
    response_model: answer.response_model,
    output: answer.output,
    tool_calls: answer.tool_calls,
    assertions: results,
    latency_ms: answer.latency_ms,
    usage: answer.usage,
    cost_usd: costUsd,
    stop_reason: answer.stop_reason,
    started_at: startedAt.toISOString(),
    finished_at: new Date().toISOString(),
    spec,
    request,
    notes,
    tags: spec.tags ?? [],
    answer_source: obtained.source,
    ...origin,
  };
}
