import type { ModelAnswer, RunFilter, RunPage, RunRecord } from '../contract/run.js';
import type { ResolvedRequest, TestSpec, TestSuite } from '../contract/spec.js';
import type { CaseError, CaseState, SuiteRun, SuiteRunCase, SuiteRunFilter, SuiteRunPage } from '../contract/suite-run.js';

/** A run to store: the record without the id (the store makes it) and `saved` (true once stored). */
export type NewRun = Omit<RunRecord, 'id' | 'saved'>;

/** A case's run: its suite run and case index are given by {@link HistoryStore.recordCaseResult}. */
export type NewCaseRun = Omit<NewRun, 'suite_run_id' | 'case_index'>;

/** Which page to read: newest first, `limit` rows older than `cursor` (a previous page's `next_cursor`). */
export interface PageRequest {
  /** 1 to {@link MAX_PAGE_LIMIT}. */
  readonly limit: number;
  readonly cursor?: string;
}

/** One planned case of a suite run: a test of the suite with the suite's defaults merged in. */
export interface PlannedCase {
  readonly name: string;
  readonly spec: TestSpec;
  /** The resolved request, when it was resolved at plan time (a resume then sends exactly this). */
  readonly request?: ResolvedRequest;
}

/** What {@link HistoryStore.createSuiteRun} stores, in one transaction. */
export interface NewSuiteRun {
  /** The suite's library id (null for an inline suite), name and version. */
  readonly suite: { readonly id: string | null; readonly name: string; readonly version: string | null };
  /** The suite as it was submitted. */
  readonly definition: TestSuite;
  readonly concurrency: number;
  readonly cache: boolean;
  /** The suite run whose failed cases this one re-runs. */
  readonly rerun_of: string | null;
  /** The cases in order; their index is their position. */
  readonly cases: readonly PlannedCase[];
}

/** A case as the engine needs it to (re)run: its plan and its state. */
export interface CasePlan extends PlannedCase {
  readonly index: number;
  readonly state: CaseState;
  /** How many times it was marked running (1 on a first run; more after resumes). */
  readonly attempts: number;
}

/** Everything needed to resume a suite run after a restart. */
export interface SuiteRunPlan {
  readonly id: string;
  readonly definition: TestSuite;
  readonly concurrency: number;
  readonly cache: boolean;
  /** A cancel was asked for (and acknowledged) before the run finished. */
  readonly cancel_requested: boolean;
  readonly cases: readonly CasePlan[];
}

/** The outcome of writing a case's end: `written` false when the case had already ended (first write wins). */
export interface CaseOutcome {
  readonly written: boolean;
  /** The case as stored now (the earlier end when `written` is false). */
  readonly case: SuiteRunCase;
  /** Its run when it passed or failed; null when it ended in error. */
  readonly run: RunRecord | null;
}

/** A case of a suite run. */
export interface CaseRef {
  readonly suiteRunId: string;
  readonly index: number;
}

/** {@link HistoryStore.putAnswer}: a model answer, stored before its assertions are checked. */
export interface AnswerToStore {
  /** `requestHash` (src/spec) of the request that produced it. */
  readonly requestHash: string;
  readonly answer: ModelAnswer;
  /** Journal it for this case (a resumed case then reuses it instead of calling the model again). */
  readonly case?: CaseRef;
  /** Also put it in the response cache for this long (ms). */
  readonly cacheTtlMs?: number;
}

/** {@link HistoryStore.findAnswer}: the case's journal first, then (if asked) the cache. */
export interface AnswerQuery {
  readonly requestHash: string;
  readonly case?: CaseRef;
  /** Look in the response cache too. @default false */
  readonly cache?: boolean;
}

/** A stored answer and where it came from. */
export interface FoundAnswer {
  readonly answer: ModelAnswer;
  /** `journal`: stored for this very case before a crash; `cache`: the response cache. */
  readonly source: 'journal' | 'cache';
  readonly stored_at: string;
}

/**
 * The history and suite-run store. Every method is async so another database (PostgreSQL for a
 * team server) can implement it; the SQLite one answers reads at once and commits writes in
 * groups. A write's promise resolves once it is durable; a storage failure rejects with
 * BackendError `HISTORY_WRITE_FAILED`.
 */
export interface HistoryStore {
  /** Stores a run outside any suite run (`suite_run_id` must be null) and returns it with its id. */
  insertRun(run: NewRun): Promise<RunRecord>;
  getRun(id: string): Promise<RunRecord | undefined>;
  /** Newest first; every filter (AND) is answered through an index. */
  listRuns(filter: RunFilter, page: PageRequest): Promise<RunPage>;

  /** Stores the plan and every case (`pending`) in one transaction; returns the suite run (`running`). */
  createSuiteRun(plan: NewSuiteRun): Promise<SuiteRun>;
  getSuiteRun(id: string): Promise<SuiteRun | undefined>;
  getSuiteRunPlan(id: string): Promise<SuiteRunPlan | undefined>;
  /** Newest first, without cases; only one library suite's when `filter.suite_id` is given (through an index). */
  listSuiteRuns(page: PageRequest, filter?: SuiteRunFilter): Promise<SuiteRunPage>;
  /** Suite runs still `running` (what a backend resumes at startup), oldest first. */
  listUnfinishedSuiteRuns(): Promise<SuiteRun[]>;
  /**
   * Claims a case to run: `pending` or `running` (in flight when a backend died) -> `running`,
   * attempts + 1. False (nothing changed) when the case already ended or the suite run finished.
   */
  markCaseRunning(suiteRunId: string, index: number): Promise<boolean>;
  /** Records the case's run and its state (passed/failed) in ONE transaction; first write wins. */
  recordCaseResult(suiteRunId: string, index: number, run: NewCaseRun): Promise<CaseOutcome>;
  /** Ends the case in `error` (the model could not be asked); first write wins. */
  recordCaseError(suiteRunId: string, index: number, error: CaseError): Promise<CaseOutcome>;
  /** Durably asks a running suite run to stop; the engine then finishes it as `cancelled`. */
  requestCancel(suiteRunId: string): Promise<SuiteRun>;
  /** `cancelled` if a cancel was asked, else `completed` (every case must have ended). Idempotent. */
  finishSuiteRun(suiteRunId: string): Promise<SuiteRun>;

  /** Stores an answer in the case's journal and/or the response cache. */
  putAnswer(entry: AnswerToStore): Promise<void>;
  findAnswer(query: AnswerQuery): Promise<FoundAnswer | undefined>;

  /** Commits pending writes, closes the database and releases the data directory. */
  close(): Promise<void>;
}
