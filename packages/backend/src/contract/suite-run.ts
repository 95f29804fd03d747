import type { MetricDelta, RunRecord } from './run.js';
import type { TestSuite } from './spec.js';

export const SUITE_RUN_STATUSES = ['running', 'completed', 'cancelled'] as const;
export type SuiteRunStatus = (typeof SUITE_RUN_STATUSES)[number];

export const CASE_STATES = ['pending', 'running', 'passed', 'failed', 'error'] as const;
export type CaseState = (typeof CASE_STATES)[number];

/** Why a case ended in `error` (not a failed assertion: the model could not be asked). */
export interface CaseError {
  readonly code: string;
  readonly message: string;
}

/** One case (test) of a suite run. */
export interface SuiteRunCase {
  readonly index: number;
  readonly name: string;
  readonly state: CaseState;
  /** The run recorded for it, once it passed or failed. */
  readonly run_id: string | null;
  readonly error: CaseError | null;
}

/** A suite run: `GET /api/suite-runs/:id`. */
export interface SuiteRun {
  readonly id: string;
  /** The suite as it ran (its library id when it came from the library). */
  readonly suite: { readonly id: string | null; readonly name: string; readonly version: string | null };
  readonly status: SuiteRunStatus;
  readonly total: number;
  readonly done: number;
  readonly passed: number;
  readonly failed: number;
  readonly errors: number;
  readonly concurrency: number;
  readonly cache: boolean;
  /** The run whose failed cases this one re-runs, if any. */
  readonly rerun_of: string | null;
  readonly started_at: string;
  readonly finished_at: string | null;
  readonly cases: readonly SuiteRunCase[];
}

/** A suite run without its cases, as `GET /api/suite-runs` lists them. */
export type SuiteRunSummary = Omit<SuiteRun, 'cases'>;

/** One page of suite runs, newest first. */
export interface SuiteRunPage {
  readonly suite_runs: readonly SuiteRunSummary[];
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  readonly next_cursor: string | null;
}

/** `POST /api/suite-runs` body. */
export interface SuiteRunRequest {
  readonly suite_id?: string;
  readonly suite?: TestSuite;
  /** Cases in flight at once per provider. @default 4 */
  readonly concurrency?: number;
  /** Use the response cache. @default false */
  readonly cache?: boolean;
}

/** Filters of `GET /api/suite-runs`. */
export interface SuiteRunFilter {
  /** Only the runs of this library suite. */
  readonly suite_id?: string;
}

/** One Server-Sent Event of `GET /api/suite-runs/:id/events` (the SSE `event:` is `type`). */
export type SuiteRunEvent =
  | { readonly type: 'snapshot'; readonly run: SuiteRun }
  | { readonly type: 'case-started'; readonly suite_run_id: string; readonly index: number; readonly name: string }
  | { readonly type: 'case-finished'; readonly suite_run_id: string; readonly case: SuiteRunCase; readonly run: RunRecord | null }
  | { readonly type: 'progress'; readonly suite_run_id: string; readonly total: number; readonly done: number; readonly passed: number; readonly failed: number; readonly errors: number }
  | { readonly type: 'end'; readonly run: SuiteRun };

/** How one case compares between two suite runs. */
export interface CaseComparison {
  readonly name: string;
  readonly change: 'regression' | 'fixed' | 'unchanged' | 'new' | 'removed';
  readonly base: { readonly index: number; readonly state: string; readonly run_id: string | null } | null;
  readonly head: { readonly index: number; readonly state: string; readonly run_id: string | null } | null;
  readonly latency_ms: MetricDelta | null;
  readonly total_tokens: MetricDelta | null;
  readonly cost_usd: MetricDelta | null;
}

/** `GET /api/suite-runs/:a/compare/:b`: regressions first, then fixed, new and removed. */
export interface SuiteRunComparison {
  readonly base: SuiteRun;
  readonly head: SuiteRun;
  readonly regressions: readonly CaseComparison[];
  readonly fixed: readonly CaseComparison[];
  readonly new_cases: readonly CaseComparison[];
  readonly removed_cases: readonly CaseComparison[];
  readonly unchanged: readonly CaseComparison[];
  readonly pass_rate: MetricDelta;
  readonly latency_ms: MetricDelta;
  readonly total_tokens: MetricDelta;
  readonly cost_usd: MetricDelta;
}
