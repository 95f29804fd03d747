import { formatJUnitXml, junitOutcome, runProperties, type JUnitTestCase, type JUnitTestSuite } from '../reports/index.js';
import type { SuiteRun } from '../contract/suite-run.js';
import type { CaseResult, RunResults } from './results.js';

function testCase(result: CaseResult): JUnitTestCase {
  const run = result.run;
  const properties = { provider: result.source.provider, model: result.source.model, ...runProperties(run) };
  return {
    name: result.source.name,
    classname: result.source.suite === null ? result.source.file : `${result.source.file} › ${result.source.suite}`,
    file: result.source.file,
    timeSeconds: (run?.latency_ms ?? 0) / 1000,
    outcome: junitOutcome(result),
    properties,
  };
}

/**
 * The testsuites of a report: one per suite file (named by the suite) and one per spec file (named
 * by the file), in file order, one testcase per case.
 */
export function junitSuites(results: RunResults): JUnitTestSuite[] {
  const byFile = new Map<number, { cases: CaseResult[]; suiteRun: SuiteRun | null }>();
  for (const suite of results.suites) {
    for (const result of suite.cases) {
      const entry = byFile.get(result.source.fileIndex) ?? { cases: [], suiteRun: suite.suiteRun };
      entry.cases.push(result);
      byFile.set(result.source.fileIndex, entry);
    }
  }
  return [...byFile].sort(([a], [b]) => a - b).map(([, { cases, suiteRun }]) => {
    const first = cases[0] as CaseResult;
    return {
      name: first.source.suite ?? first.source.file,
      file: first.source.file,
      ...(suiteRun === null ? {} : { timestamp: suiteRun.started_at, properties: { suite_run_id: suiteRun.id } }),
      cases: cases.sort((a, b) => a.index - b.index).map(testCase),
    };
  });
}

/** The JUnit XML document of a `sentinel run`. */
export function formatJUnitReport(results: RunResults): string {
  return formatJUnitXml({ name: 'sentinel run', timeSeconds: results.summary.duration_ms / 1000, suites: junitSuites(results) });
}
