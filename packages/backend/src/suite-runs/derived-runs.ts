import { validationError } from '../app/errors.js';
import { compareSuiteRuns } from '../compare/index.js';
import { formatSuiteRunJUnit } from '../reports/index.js';
import type { RunRecord } from '../contract/run.js';
import type { SuiteRun, SuiteRunComparison } from '../contract/suite-run.js';
import type { HistoryStore, SuiteRunPlan } from '../store/index.js';
import type { StartSuiteRun } from './types.js';

/**
 * The start of a new run of the cases of `run` that ended `failed` or `error`: the same suite
 * (identity, defaults), only those tests, the same concurrency and cache setting, `rerunOf` set.
 * @throws BackendError `VALIDATION_ERROR` (`params.id`) when there is no such case.
 */
export function rerunOf(run: SuiteRun, plan: SuiteRunPlan): StartSuiteRun {
  const indexes = run.cases.filter((entry) => entry.state === 'failed' || entry.state === 'error').map((entry) => entry.index);
  if (indexes.length === 0) throw validationError('params.id', `names suite run ${run.id}, which has no failed or errored case to run again`);
  const tests = indexes.map((index) => plan.definition.tests[index]).filter((test) => test !== undefined);
  return { suite: { ...plan.definition, tests }, suiteId: run.suite.id, concurrency: plan.concurrency, cache: plan.cache, rerunOf: run.id };
}

/** The recorded runs of the cases of some suite runs, by run id, read from the store. */
export async function runsOfCases(store: HistoryStore, suiteRuns: readonly SuiteRun[]): Promise<Map<string, RunRecord>> {
  const runs = new Map<string, RunRecord>();
  for (const entry of suiteRuns.flatMap((suiteRun) => suiteRun.cases)) {
    const run = entry.run_id === null ? undefined : await store.getRun(entry.run_id);
    if (run !== undefined) runs.set(run.id, run);
  }
  return runs;
}

/** Compares two suite runs with their cases' recorded runs read from the store. */
export async function compareWithRuns(store: HistoryStore, base: SuiteRun, head: SuiteRun): Promise<SuiteRunComparison> {
  return compareSuiteRuns(base, head, await runsOfCases(store, [base, head]));
}

/** A suite run as JUnit XML, its cases' runs read from the store. */
export async function junitWithRuns(store: HistoryStore, suiteRun: SuiteRun): Promise<string> {
  return formatSuiteRunJUnit(suiteRun, await runsOfCases(store, [suiteRun]));
}
