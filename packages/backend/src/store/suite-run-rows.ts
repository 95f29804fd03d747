import type { Database } from 'better-sqlite3';
import type { CaseState, SuiteRun, SuiteRunCase, SuiteRunStatus, SuiteRunSummary } from '../contract/suite-run.js';
import type { TestSuite } from '../contract/spec.js';
import type { CasePlan, SuiteRunPlan } from './types.js';

/** A `suite_runs` row. */
export interface SuiteRunRow {
  readonly seq: number;
  readonly id: string;
  readonly suite_id: string | null;
  readonly suite_name: string;
  readonly suite_version: string | null;
  readonly suite: string;
  readonly status: SuiteRunStatus;
  readonly cancel_requested: 0 | 1;
  readonly concurrency: number;
  readonly cache: 0 | 1;
  readonly rerun_of: string | null;
  readonly started_at: string;
  readonly finished_at: string | null;
}

/** A `suite_run` row's state, what a write checks before it changes anything. */
export interface SuiteRunState {
  readonly status: SuiteRunStatus;
  readonly cancel_requested: 0 | 1;
}

/** A `suite_cases` row's state, joined with its run's id. */
interface CaseRow {
  readonly case_index: number;
  readonly name: string;
  readonly state: CaseState;
  readonly attempts: number;
  readonly run_id: string | null;
  readonly error_code: string | null;
  readonly error_message: string | null;
}

/** A {@link CaseRow} with the case's plan: its merged spec and its resolved request (JSON texts). */
interface CasePlanRow extends CaseRow {
  readonly spec: string;
  readonly request: string | null;
}

interface Counts {
  readonly total: number;
  readonly passed: number;
  readonly failed: number;
  readonly errors: number;
}

const ENDED: ReadonlySet<CaseState> = new Set(['passed', 'failed', 'error']);

/** Whether a case state is final (the case is never run again in this suite run). */
export function hasEnded(state: CaseState): boolean {
  return ENDED.has(state);
}

function toCase(row: CaseRow): SuiteRunCase {
  const error = row.error_code === null ? null : { code: row.error_code, message: row.error_message ?? '' };
  return { index: row.case_index, name: row.name, state: row.state, run_id: row.run_id, error };
}

function toSummary(row: SuiteRunRow, counts: Counts): SuiteRunSummary {
  return {
    id: row.id,
    suite: { id: row.suite_id, name: row.suite_name, version: row.suite_version },
    status: row.status,
    total: counts.total,
    done: counts.passed + counts.failed + counts.errors,
    passed: counts.passed,
    failed: counts.failed,
    errors: counts.errors,
    concurrency: row.concurrency,
    cache: row.cache === 1,
    rerun_of: row.rerun_of,
    started_at: row.started_at,
    finished_at: row.finished_at,
  };
}

// The plan's JSON texts (a whole spec and request per case) are read only for the plan: each write
// checks its case's state first, and copying them there was a tenth of a case's store time.
const CASE_COLUMNS = 'c.case_index, c.name, c.state, c.attempts, r.id AS run_id, c.error_code, c.error_message';
const CASE_PLAN_COLUMNS = `${CASE_COLUMNS}, c.spec, c.request`;
const CASES_FROM = 'suite_cases c LEFT JOIN runs r ON r.seq = c.run_seq';

/** One library suite's runs, newest first: read through the index on (suite_id, seq). */
export const SUITE_RUNS_OF_SUITE_SQL = {
  first: 'SELECT * FROM suite_runs WHERE suite_id = ? ORDER BY seq DESC LIMIT ?',
  next: 'SELECT * FROM suite_runs WHERE suite_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?',
} as const;

/** Synchronous reads of suite runs and their cases (statements prepared once). */
export class SuiteRunReader {
  readonly #row;
  readonly #state;
  readonly #cases;
  readonly #casePlans;
  readonly #case;
  readonly #counts;
  readonly #firstPage;
  readonly #nextPage;
  readonly #suiteFirstPage;
  readonly #suiteNextPage;
  readonly #unfinished;

  constructor(db: Database) {
    this.#row = db.prepare<[string], SuiteRunRow>('SELECT * FROM suite_runs WHERE id = ?');
    // Not the row: it holds the suite's whole definition, which a write has no use for.
    this.#state = db.prepare<[string], SuiteRunState>('SELECT status, cancel_requested FROM suite_runs WHERE id = ?');
    this.#cases = db.prepare<[string], CaseRow>(`SELECT ${CASE_COLUMNS} FROM ${CASES_FROM} WHERE c.suite_run_id = ? ORDER BY c.case_index`);
    this.#casePlans = db.prepare<[string], CasePlanRow>(`SELECT ${CASE_PLAN_COLUMNS} FROM ${CASES_FROM} WHERE c.suite_run_id = ? ORDER BY c.case_index`);
    this.#case = db.prepare<[string, number], CaseRow>(`SELECT ${CASE_COLUMNS} FROM ${CASES_FROM} WHERE c.suite_run_id = ? AND c.case_index = ?`);
    this.#counts = db.prepare<[string], Counts>(`SELECT count(*) AS total, coalesce(sum(state = 'passed'), 0) AS passed,
      coalesce(sum(state = 'failed'), 0) AS failed, coalesce(sum(state = 'error'), 0) AS errors FROM suite_cases WHERE suite_run_id = ?`);
    this.#firstPage = db.prepare<[number], SuiteRunRow>('SELECT * FROM suite_runs ORDER BY seq DESC LIMIT ?');
    this.#nextPage = db.prepare<[bigint, number], SuiteRunRow>('SELECT * FROM suite_runs WHERE seq < ? ORDER BY seq DESC LIMIT ?');
    this.#suiteFirstPage = db.prepare<[string, number], SuiteRunRow>(SUITE_RUNS_OF_SUITE_SQL.first);
    this.#suiteNextPage = db.prepare<[string, bigint, number], SuiteRunRow>(SUITE_RUNS_OF_SUITE_SQL.next);
    this.#unfinished = db.prepare<[], SuiteRunRow>("SELECT * FROM suite_runs WHERE status = 'running' ORDER BY seq");
  }

  row(id: string): SuiteRunRow | undefined {
    return this.#row.get(id);
  }

  /** The run's status and whether a cancel was asked for, or undefined when there is no such run. */
  state(id: string): SuiteRunState | undefined {
    return this.#state.get(id);
  }

  case(id: string, index: number): SuiteRunCase | undefined {
    const row = this.#case.get(id, index);
    return row === undefined ? undefined : toCase(row);
  }

  summary(row: SuiteRunRow): SuiteRunSummary {
    return toSummary(row, this.#counts.get(row.id) as Counts);
  }

  get(id: string): SuiteRun | undefined {
    const row = this.row(id);
    if (row === undefined) return undefined;
    return { ...this.summary(row), cases: this.#cases.all(id).map(toCase) };
  }

  plan(id: string): SuiteRunPlan | undefined {
    const row = this.row(id);
    if (row === undefined) return undefined;
    const cases = this.#casePlans.all(id).map((entry): CasePlan => ({
      index: entry.case_index,
      name: entry.name,
      spec: JSON.parse(entry.spec) as CasePlan['spec'],
      ...(entry.request === null ? {} : { request: JSON.parse(entry.request) as NonNullable<CasePlan['request']> }),
      state: entry.state,
      attempts: entry.attempts,
    }));
    const definition = JSON.parse(row.suite) as TestSuite;
    return { id, definition, concurrency: row.concurrency, cache: row.cache === 1, cancel_requested: row.cancel_requested === 1, cases };
  }

  /** Rows newest first, older than `cursor` (a seq) when given, of one library suite when `suiteId` is given. */
  page(limit: number, cursor: bigint | undefined, suiteId?: string): SuiteRunRow[] {
    if (suiteId !== undefined) return cursor === undefined ? this.#suiteFirstPage.all(suiteId, limit) : this.#suiteNextPage.all(suiteId, cursor, limit);
    return cursor === undefined ? this.#firstPage.all(limit) : this.#nextPage.all(cursor, limit);
  }

  /** Running suite runs, oldest first (through the partial index on running rows). */
  unfinished(): SuiteRunRow[] {
    return this.#unfinished.all();
  }
}
