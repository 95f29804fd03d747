import type { RunRecord } from '../contract/run.js';
import type { CaseError, SuiteRun } from '../contract/suite-run.js';
import { BACKEND_VERSION } from '../version.js';
import type { CaseResultState, RunResults, RunSummary } from './results.js';

/** Bumped when the JSON report changes incompatibly. */
export const JSON_REPORT_VERSION = 1;

/** One case of the JSON report. */
export interface JsonReportCase {
  readonly file: string;
  readonly suite: string | null;
  readonly index: number;
  readonly name: string;
  readonly state: CaseResultState;
  readonly error: CaseError | null;
  /** The recorded run (absent for errors and cases that did not run). */
  readonly run: RunRecord | null;
}

/** What `--json FILE` writes. */
export interface JsonReport {
  readonly report_version: typeof JSON_REPORT_VERSION;
  readonly sentinel_version: string;
  readonly started_at: string;
  readonly finished_at: string;
  readonly exit_code: number;
  readonly summary: RunSummary;
  /** Each suite run (null when it never started), with its cases. */
  readonly suite_runs: readonly { readonly name: string; readonly suite_run: Omit<SuiteRun, 'cases'> | null; readonly cases: readonly JsonReportCase[] }[];
}

/** The JSON report of a `sentinel run`. */
export function buildJsonReport(results: RunResults, exitCode: number): JsonReport {
  return {
    report_version: JSON_REPORT_VERSION,
    sentinel_version: BACKEND_VERSION,
    started_at: results.started_at,
    finished_at: results.finished_at,
    exit_code: exitCode,
    summary: results.summary,
    suite_runs: results.suites.map((suite) => {
      const { cases: _cases, ...summary } = suite.suiteRun ?? { cases: [] };
      return {
        name: suite.plan.suite.name,
        suite_run: suite.suiteRun === null ? null : (summary as Omit<SuiteRun, 'cases'>),
        cases: suite.cases.map((result) => ({
          file: result.source.file,
          suite: result.source.suite,
          index: result.index,
          name: result.source.name,
          state: result.state,
          error: result.error,
          run: result.run,
        })),
      };
    }),
  };
}
