import type { RunRecord } from '../contract/run.js';
import type { CaseComparison, SuiteRun, SuiteRunCase, SuiteRunComparison } from '../contract/suite-run.js';
import { totalTokens } from './compare-runs.js';
import { metricDelta, passRateDelta } from './metric-delta.js';
import { assertSameSubject } from './same-test.js';
import { COST_REGRESSION_THRESHOLD, LATENCY_REGRESSION_THRESHOLD, TOKENS_REGRESSION_THRESHOLD } from './thresholds.js';

type Runs = ReadonlyMap<string, RunRecord>;

const PASSED = 'passed';
const BROKEN: ReadonlySet<string> = new Set(['failed', 'error']);

function changeOf(base: SuiteRunCase | undefined, head: SuiteRunCase | undefined): CaseComparison['change'] {
  if (base === undefined) return 'new';
  if (head === undefined) return 'removed';
  if (base.state === PASSED && BROKEN.has(head.state)) return 'regression';
  if (BROKEN.has(base.state) && head.state === PASSED) return 'fixed';
  return 'unchanged';
}

function runOf(entry: SuiteRunCase | undefined, runs: Runs): RunRecord | undefined {
  const runId = entry?.run_id ?? null;
  return runId === null ? undefined : runs.get(runId);
}

function side(entry: SuiteRunCase | undefined): CaseComparison['base'] {
  return entry === undefined ? null : { index: entry.index, state: entry.state, run_id: entry.run_id };
}

function compareCase(base: SuiteRunCase | undefined, head: SuiteRunCase | undefined, runs: Runs): CaseComparison {
  const baseRun = runOf(base, runs);
  const headRun = runOf(head, runs);
  const both = baseRun !== undefined && headRun !== undefined;
  return {
    name: (head ?? base)?.name ?? '',
    change: changeOf(base, head),
    base: side(base),
    head: side(head),
    latency_ms: both ? metricDelta(baseRun.latency_ms, headRun.latency_ms, LATENCY_REGRESSION_THRESHOLD) : null,
    total_tokens: both ? metricDelta(totalTokens(baseRun), totalTokens(headRun), TOKENS_REGRESSION_THRESHOLD) : null,
    cost_usd: both ? metricDelta(baseRun.cost_usd, headRun.cost_usd, COST_REGRESSION_THRESHOLD) : null,
  };
}

/**
 * Pairs cases by name; when a name appears more than once in a suite, the n-th case of that name
 * in base pairs with the n-th in head (in index order), and the extra ones are new or removed.
 */
function pairCases(base: readonly SuiteRunCase[], head: readonly SuiteRunCase[]): Array<[SuiteRunCase | undefined, SuiteRunCase | undefined]> {
  const waiting = new Map<string, SuiteRunCase[]>();
  for (const entry of base) waiting.set(entry.name, [...(waiting.get(entry.name) ?? []), entry]);
  const pairs: Array<[SuiteRunCase | undefined, SuiteRunCase | undefined]> = head.map((entry) => [waiting.get(entry.name)?.shift(), entry]);
  const removed = [...waiting.values()].flat().sort((a, b) => a.index - b.index);
  return [...pairs, ...removed.map((entry): [SuiteRunCase, undefined] => [entry, undefined])];
}

/** Totals of a suite run's recorded runs: mean latency per run, summed tokens, summed cost (null if any run's cost is unknown). */
function totals(suiteRun: SuiteRun, runs: Runs): { latency: number | null; tokens: number | null; cost: number | null; passRate: number | null } {
  const recorded = suiteRun.cases.map((entry) => runOf(entry, runs)).filter((run) => run !== undefined);
  const passRate = suiteRun.total === 0 ? null : suiteRun.passed / suiteRun.total;
  if (recorded.length === 0) return { latency: null, tokens: null, cost: null, passRate };
  const costs = recorded.map((run) => run.cost_usd);
  return {
    latency: recorded.reduce((sum, run) => sum + run.latency_ms, 0) / recorded.length,
    tokens: recorded.reduce((sum, run) => sum + totalTokens(run), 0),
    cost: costs.some((cost) => cost === null) ? null : (costs as number[]).reduce((sum, cost) => sum + cost, 0),
    passRate,
  };
}

/**
 * Compares two runs of one suite, case by case (paired by name): regressions (passed -> failed or
 * error) first, then fixed, new and removed cases; then the pass rate (flagged when it drops) and
 * the mean latency, total tokens and total cost against the run thresholds. `runsById` holds the
 * runs of both suite runs' cases (a case whose run is missing gets no metric deltas).
 * @throws BackendError `COMPARE_MISMATCH` when they are runs of different suites.
 */
export function compareSuiteRuns(base: SuiteRun, head: SuiteRun, runsById: Runs): SuiteRunComparison {
  assertSameSubject('suite', base.suite, head.suite);
  const cases = pairCases(base.cases, head.cases).map(([left, right]) => compareCase(left, right, runsById));
  const of = (change: CaseComparison['change']) => cases.filter((entry) => entry.change === change);
  const before = totals(base, runsById);
  const after = totals(head, runsById);
  return {
    base,
    head,
    regressions: of('regression'),
    fixed: of('fixed'),
    new_cases: of('new'),
    removed_cases: of('removed'),
    unchanged: of('unchanged'),
    pass_rate: passRateDelta(before.passRate, after.passRate),
    latency_ms: metricDelta(before.latency, after.latency, LATENCY_REGRESSION_THRESHOLD),
    total_tokens: metricDelta(before.tokens, after.tokens, TOKENS_REGRESSION_THRESHOLD),
    cost_usd: metricDelta(before.cost, after.cost, COST_REGRESSION_THRESHOLD),
  };
}
