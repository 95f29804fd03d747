import type { RunRecord } from '../contract/run.js';
import type { CaseError, SuiteRun } from '../contract/suite-run.js';
import type { CaseSource, PlannedRun } from './plan-runs.js';

/** How a case ended, as the CLI reports it: `not_run` when it never started (interrupted). */
export type CaseResultState = 'passed' | 'failed' | 'error' | 'not_run';

/** One case of the report. */
export interface CaseResult {
  readonly source: CaseSource;
  /** Its index in its suite run. */
  readonly index: number;
  readonly state: CaseResultState;
  /** Its run (passed or failed cases). */
  readonly run: RunRecord | null;
  /** Why it ended in error. */
  readonly error: CaseError | null;
}

/** One suite run of the report. */
export interface SuiteResult {
  readonly plan: PlannedRun;
  /** The suite run as stored at its end; null when it never started (interrupted before it). */
  readonly suiteRun: SuiteRun | null;
  readonly cases: readonly CaseResult[];
}

/** Counts over every case. */
export interface RunSummary {
  readonly total: number;
  readonly passed: number;
  readonly failed: number;
  readonly errors: number;
  readonly not_run: number;
  /** Cases whose answer came from the response cache (`--cache`). */
  readonly cached: number;
  /** Summed estimated cost; null when no run had a known price. */
  readonly cost_usd: number | null;
  readonly duration_ms: number;
  /** Stopped by Ctrl-C (SIGINT) or SIGTERM before every case ran. */
  readonly interrupted: boolean;
}

/** Everything one `sentinel run` did. */
export interface RunResults {
  readonly suites: readonly SuiteResult[];
  readonly started_at: string;
  readonly finished_at: string;
  readonly summary: RunSummary;
}

/** The counts of a list of cases. */
export function summarize(suites: readonly SuiteResult[], durationMs: number, interrupted: boolean): RunSummary {
  const cases = suites.flatMap((suite) => suite.cases);
  const count = (state: CaseResultState): number => cases.filter((result) => result.state === state).length;
  const costs = cases.map((result) => result.run?.cost_usd).filter((cost): cost is number => typeof cost === 'number');
  return {
    total: cases.length,
    passed: count('passed'),
    failed: count('failed'),
    errors: count('error'),
    not_run: count('not_run'),
    cached: cases.filter((result) => result.run?.answer_source === 'cache').length,
    cost_usd: costs.length === 0 ? null : costs.reduce((total, cost) => total + cost, 0),
    duration_ms: Math.round(durationMs),
    interrupted,
  };
}

/** Every case, in the order of their files (as collected), then of their index in the file. */
export function casesInFileOrder(results: RunResults): CaseResult[] {
  return results.suites.flatMap((suite) => suite.cases).sort((a, b) => a.source.fileIndex - b.source.fileIndex || a.index - b.index);
}

