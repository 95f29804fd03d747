import { performance } from 'node:perf_hooks';
import { evaluateAssertions, prepareAssertions, type AssertionSpec as LegacyAssertionSpec } from '../assertions/index.js';
import { BackendError } from '../app/errors.js';
import type { AssertionSpec } from '../contract/assertions.js';
import type { TestSpec } from '../contract/spec.js';
import type { ModelClient } from '../model/types.js';
import type { RunStore } from '../runs/run-store.js';
import type { RunResult } from '../runs/types.js';
import { resolveSpec } from '../spec/resolve/resolve-spec.js';

/** What running a spec needs. */
export interface ExecuteDependencies {
  /** `undefined` when no API key is configured. */
  readonly model: ModelClient | undefined;
  readonly store: RunStore;
  readonly signal?: AbortSignal;
}

/**
 * Interim bridge to the earlier assertions module (the lead rewires this file to the new one):
 * `regex_match` is its `regex`; kinds it does not know are refused by it with a 400.
 */
function toLegacyAssertions(assertions: readonly AssertionSpec[]): LegacyAssertionSpec[] {
  return assertions.map((assertion) => {
    if ('regex_match' in assertion) return { regex: assertion.regex_match, ...(assertion.flags === undefined ? {} : { flags: assertion.flags }) };
    return assertion as unknown as LegacyAssertionSpec;
  });
}

/**
 * Runs one spec: resolves it (provider rules, aliases), checks its assertions, calls the model,
 * evaluates, and appends the run to the durable history (fsynced) before returning it. Interim:
 * only Anthropic is wired, through the earlier single-turn model client (the last user turn and
 * the system prompt are sent; the lead connects the providers module).
 * @throws BackendError `NO_API_KEY`, `UNSAFE_REGEX`, `VALIDATION_ERROR`, upstream codes, `HISTORY_WRITE_FAILED`.
 */
export async function executeSpec(spec: TestSpec, dependencies: ExecuteDependencies): Promise<RunResult> {
  const { request } = resolveSpec(spec);
  const assertions = prepareAssertions(toLegacyAssertions(spec.assertions));
  if (request.provider !== 'anthropic' || dependencies.model === undefined) {
    const [label, variable] = request.provider === 'anthropic' ? ['Anthropic', 'ANTHROPIC_API_KEY'] : ['OpenAI', 'OPENAI_API_KEY'];
    const message = `No ${label} API key is configured: set ${variable} (or add one in Settings)`;
    throw new BackendError('NO_API_KEY', { message, details: { provider: request.provider, key_variable: variable } });
  }
  const startedAt = new Date();
  const start = performance.now();
  const answer = await dependencies.model.complete({
    model: request.model,
    query: request.messages.at(-1)?.content ?? '',
    maxTokens: request.max_tokens,
    ...(request.system === undefined ? {} : { system: request.system }),
    ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
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
