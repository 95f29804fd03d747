import { performance } from 'node:perf_hooks';
import { evaluateAssertions, prepareAssertions } from '../assertions/index.js';
import { BackendError } from '../app/errors.js';
import type { ModelClient } from '../model/types.js';
import { DEFAULT_MAX_TOKENS } from '../routes/schemas.js';
import type { RunRecord } from '../contract/run.js';
import type { TestSpec as ContractTestSpec } from '../contract/spec.js';
import type { HistoryStore, NewRun } from '../store/index.js';
import type { TestSpec } from './test-spec.js';

/** What running a spec needs. */
export interface ExecuteDependencies {
  /** `undefined` when no API key is configured. */
  readonly model: ModelClient | undefined;
  readonly store: HistoryStore;
  readonly signal?: AbortSignal;
}

/**
 * Runs one spec: checks its assertions, calls the model, evaluates, and appends the run to the
 * durable history (fsynced) before returning it.
 * @throws BackendError `NO_API_KEY`, `UNSAFE_REGEX`, `VALIDATION_ERROR`, upstream codes, `HISTORY_WRITE_FAILED`.
 */
export async function executeSpec(spec: TestSpec, dependencies: ExecuteDependencies): Promise<RunRecord> {
  const assertions = prepareAssertions(spec.assertions);
  if (dependencies.model === undefined) throw new BackendError('NO_API_KEY');
  const startedAt = new Date();
  const start = performance.now();
  const maxTokens = spec.max_tokens ?? DEFAULT_MAX_TOKENS;
  const answer = await dependencies.model.complete({
    model: spec.model,
    query: spec.inputs.query,
    maxTokens,
    ...(spec.inputs.system === undefined ? {} : { system: spec.inputs.system }),
    ...(spec.temperature === undefined ? {} : { temperature: spec.temperature }),
    ...(dependencies.signal === undefined ? {} : { signal: dependencies.signal }),
  });
  const latencyMs = Math.round(performance.now() - start);
  const { success, results } = evaluateAssertions(assertions, { output: answer.output, latencyMs });
  // Today's single-spec path mapped onto the full record (the engine of issue 8 replaces this).
  const run: NewRun = {
    name: spec.name,
    success,
    provider: 'anthropic',
    model: spec.model,
    response_model: answer.model,
    output: answer.output,
    tool_calls: [],
    assertions: results.map((result) => ({ ...result, actual: null })),
    latency_ms: latencyMs,
    usage: answer.usage,
    cost_usd: null,
    stop_reason: answer.stopReason,
    started_at: startedAt.toISOString(),
    finished_at: new Date().toISOString(),
    spec: spec as ContractTestSpec,
    request: {
      provider: 'anthropic',
      model: spec.model,
      ...(spec.inputs.system === undefined ? {} : { system: spec.inputs.system }),
      messages: [{ role: 'user', content: spec.inputs.query }],
      max_tokens: maxTokens,
      ...(spec.temperature === undefined ? {} : { temperature: spec.temperature }),
    },
    notes: [],
    test_id: null,
    suite_run_id: null,
    case_index: null,
    tags: [],
    answer_source: 'provider',
  };
  try {
    return await dependencies.store.insertRun(run);
  } catch (error) {
    throw error instanceof BackendError ? error : new BackendError('HISTORY_WRITE_FAILED', { cause: error });
  }
}
