import { performance } from 'node:perf_hooks';
import { evaluateAssertions, prepareAssertions } from '../assertions/index.js';
import { BackendError } from '../app/errors.js';
import type { ModelClient } from '../model/types.js';
import { DEFAULT_MAX_TOKENS } from '../routes/schemas.js';
import type { RunStore } from '../runs/run-store.js';
import type { RunResult } from '../runs/types.js';
import type { TestSpec } from './test-spec.js';

/** What running a spec needs. */
export interface ExecuteDependencies {
  /** `undefined` when no API key is configured. */
  readonly model: ModelClient | undefined;
  readonly store: RunStore;
  readonly signal?: AbortSignal;
}

/**
 * Runs one spec: checks its assertions, calls the model, evaluates, and appends the run to the
 * durable history (fsynced) before returning it.
 * @throws BackendError `NO_API_KEY`, `UNSAFE_REGEX`, `VALIDATION_ERROR`, upstream codes, `HISTORY_WRITE_FAILED`.
 */
export async function executeSpec(spec: TestSpec, dependencies: ExecuteDependencies): Promise<RunResult> {
  const assertions = prepareAssertions(spec.assertions);
  if (dependencies.model === undefined) throw new BackendError('NO_API_KEY');
  const startedAt = new Date();
  const start = performance.now();
  const answer = await dependencies.model.complete({
    model: spec.model,
    query: spec.inputs.query,
    maxTokens: spec.max_tokens ?? DEFAULT_MAX_TOKENS,
    ...(spec.inputs.system === undefined ? {} : { system: spec.inputs.system }),
    ...(spec.temperature === undefined ? {} : { temperature: spec.temperature }),
    ...(dependencies.signal === undefined ? {} : { signal: dependencies.signal }),
  });
  const latencyMs = Math.round(performance.now() - start);
  // Tool calls and cost are not known on this path yet (the lead rewires it to the providers).
  const subject = { output: answer.output, toolCalls: [], latencyMs, usage: answer.usage, costUsd: null, model: answer.model };
  const { success, results } = evaluateAssertions(assertions, subject);
  const run = {
    name: spec.name,
    success,
    output: answer.output,
    assertions: results,
    latency_ms: latencyMs,
    usage: answer.usage,
    model: answer.model,
    started_at: startedAt.toISOString(),
    finished_at: new Date().toISOString(),
    stop_reason: answer.stopReason,
  };
  try {
    return await dependencies.store.append(run);
  } catch (error) {
    throw new BackendError('HISTORY_WRITE_FAILED', { cause: error });
  }
}
