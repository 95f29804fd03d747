import type { RunComparison, RunRecord } from '../contract/run.js';
import { assertionChanges } from './assertion-changes.js';
import { metricDelta } from './metric-delta.js';
import { outputDiff } from './output-diff.js';
import { assertSameSubject } from './same-test.js';
import { COST_REGRESSION_THRESHOLD, LATENCY_REGRESSION_THRESHOLD, REGRESSION_THRESHOLDS, TOKENS_REGRESSION_THRESHOLD } from './thresholds.js';

/** Input plus output tokens of a run. */
export function totalTokens(run: RunRecord): number {
  return run.usage.input_tokens + run.usage.output_tokens;
}

/**
 * Compares two runs of one test: assertion by assertion (pass->fail is a regression, fail->pass
 * fixed), latency, total tokens and cost against the thresholds, and a bounded line diff of the
 * outputs. `regressed` is true when any assertion regressed or any metric is flagged.
 * @throws BackendError `COMPARE_MISMATCH` when they are runs of different tests.
 */
export function compareRuns(base: RunRecord, head: RunRecord): RunComparison {
  assertSameSubject('test', { id: base.test_id, name: base.name }, { id: head.test_id, name: head.name });
  const assertions = assertionChanges(base.assertions, head.assertions);
  const latency = metricDelta(base.latency_ms, head.latency_ms, LATENCY_REGRESSION_THRESHOLD);
  const tokens = metricDelta(totalTokens(base), totalTokens(head), TOKENS_REGRESSION_THRESHOLD);
  const cost = metricDelta(base.cost_usd, head.cost_usd, COST_REGRESSION_THRESHOLD);
  const diff = outputDiff(base.output, head.output);
  const regressions = assertions.filter((change) => change.change === 'regression');
  return {
    base,
    head,
    thresholds: REGRESSION_THRESHOLDS,
    regressions,
    fixed: assertions.filter((change) => change.change === 'fixed'),
    assertions,
    latency_ms: latency,
    total_tokens: tokens,
    cost_usd: cost,
    output_diff: diff.lines,
    output_diff_truncated: diff.truncated,
    regressed: regressions.length > 0 || latency.flagged || tokens.flagged || cost.flagged,
  };
}
