import type { RunRecord } from '../contract/run.js';
import type { SuiteRun } from '../contract/suite-run.js';
import { junitOutcome, runProperties } from './case-outcome.js';
import { formatJUnitXml } from './junit-xml.js';

/**
 * The JUnit XML of one suite run (`GET /api/suite-runs/:id/junit`, the desktop's "Export JUnit"):
 * one testsuite named by the suite, one testcase per case in order, its run looked up in `runs`.
 */
export function formatSuiteRunJUnit(suiteRun: SuiteRun, runs: ReadonlyMap<string, RunRecord>): string {
  const cases = suiteRun.cases.map((entry) => {
    const run = entry.run_id === null ? null : (runs.get(entry.run_id) ?? null);
    return {
      name: entry.name,
      classname: suiteRun.suite.name,
      timeSeconds: (run?.latency_ms ?? 0) / 1000,
      outcome: junitOutcome({ state: entry.state, run, error: entry.error }),
      properties: runProperties(run),
    };
  });
  const properties: Record<string, string> = { suite_run_id: suiteRun.id, status: suiteRun.status };
  if (suiteRun.suite.id !== null) properties.suite_id = suiteRun.suite.id;
  if (suiteRun.suite.version !== null) properties.suite_version = suiteRun.suite.version;
  return formatJUnitXml({ name: 'sentinel', suites: [{ name: suiteRun.suite.name, timestamp: suiteRun.started_at, properties, cases }] });
}
