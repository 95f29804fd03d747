import type { TestSuite } from '../contract/spec.js';
import type { PreparedSuite } from './prepare-plan.js';
import type { SuiteRun, SuiteRunComparison, SuiteRunEvent, SuiteRunFilter, SuiteRunPage } from '../contract/suite-run.js';
import type { ProviderRegistry } from '../providers/index.js';
import type { HistoryStore, PageRequest } from '../store/index.js';

/** The part of a pino logger the runner writes to. */
export interface SuiteRunnerLogger {
  info(fields: object, message?: string): void;
  warn(fields: object, message?: string): void;
  error(fields: object, message?: string): void;
}

/** Options of {@link createSuiteRunner}. */
export interface SuiteRunnerOptions {
  /** Where plans, case states, answers and runs are kept (durably, before each step is acknowledged). */
  readonly store: HistoryStore;
  /** The model providers the cases call. */
  readonly providers: ProviderRegistry;
  /** Where the runner logs starts, resumes, ends and storage failures. @default no logging */
  readonly logger?: SuiteRunnerLogger;
  /** Cases in flight at once per provider, for a run that does not say. @default DEFAULT_SUITE_CONCURRENCY (4) */
  readonly defaultConcurrency?: number;
  /** How long a response-cache entry lives (runs with `cache: true`). @default DEFAULT_CACHE_TTL_MS (14 days) */
  readonly cacheTtlMs?: number;
  /** Aborting it cuts every in-flight model call; the cases cut are left to the next resume. @default undefined */
  readonly signal?: AbortSignal;
  /** Extra tries of a case rate-limited or overloaded after the SDK's retries. @default DEFAULT_CASE_RETRIES (3) */
  readonly caseRetries?: number;
  /** Longest wait before such a try. @default DEFAULT_CASE_RETRY_WAIT_MAX_MS (60 000) */
  readonly caseRetryWaitMaxMs?: number;
  /**
   * Keep each case's answer (durably) before its assertions run, so that a resume after a crash
   * uses it instead of paying for it again. Only a runner whose runs are never resumed (the CLI's:
   * an interrupted `sentinel run` ends its runs `cancelled`) turns it off: one write less per case.
   * @default true
   */
  readonly journalAnswers?: boolean;
}

/** What {@link SuiteRunner.start} runs. */
export interface StartSuiteRun {
  /** The suite (validated again, expanded and prepared before anything is stored). */
  readonly suite: TestSuite;
  /** Its library id, when it comes from the library. @default null */
  readonly suiteId?: string | null;
  /** Cases in flight at once per provider, 1 to MAX_SUITE_CONCURRENCY. @default the runner's defaultConcurrency */
  readonly concurrency?: number;
  /** Read and fill the response cache. @default false */
  readonly cache?: boolean;
  /** The suite run whose failed cases this one re-runs. @default null */
  readonly rerunOf?: string | null;
  /**
   * The suite as {@link prepareSuite} already returned it, when the caller prepared it before
   * (`sentinel run` checks every file before it starts anything): used instead of preparing `suite`
   * again, which costs about 0.1 ms a case. Taken only when its `suite` is this request's `suite`
   * (the very object); any other is ignored and the suite is prepared here.
   * @default undefined (prepared here)
   */
  readonly prepared?: PreparedSuite;
}

/** What a drain did: cases recorded while it waited, and cases left for the next start's resume. */
export interface DrainResult {
  readonly recorded: number;
  readonly leftForResume: number;
}

/** Runs suites: bounded concurrency per provider, durable plans and case states, resumes after a crash. */
export interface SuiteRunner {
  /**
   * Validates, expands and prepares every case (a 400 naming `suite.tests[i]...` before anything
   * is stored or called), stores the plan, and starts it; resolves at once with the run (`running`).
   * @throws BackendError `VALIDATION_ERROR`, `UNSAFE_REGEX`, `SHUTTING_DOWN` (draining), `HISTORY_WRITE_FAILED`.
   */
  start(request: StartSuiteRun): Promise<SuiteRun>;
  /**
   * Continues every run still `running` in the store that this runner is not running (call at
   * startup; again after a storage failure was fixed); resolves with them as they stand.
   */
  resumeUnfinished(): Promise<SuiteRun[]>;
  /** @throws BackendError `SUITE_RUN_NOT_FOUND`. */
  get(id: string): Promise<SuiteRun>;
  /** Newest first, without cases. */
  list(page: PageRequest, filter?: SuiteRunFilter): Promise<SuiteRunPage>;
  /**
   * Durably asks the run to stop (acknowledged before anything else), starts no more cases, cuts
   * the model calls in flight (their cases end `pending`; an answer already received is recorded)
   * and resolves with the run `cancelled`. A finished run is answered as it is.
   */
  cancel(id: string): Promise<SuiteRun>;
  /** Starts a new run of the failed and errored cases (`rerun_of` set). @throws `VALIDATION_ERROR` when there are none. */
  rerunFailed(id: string): Promise<SuiteRun>;
  /** @throws BackendError `SUITE_RUN_NOT_FOUND`, `COMPARE_MISMATCH`. */
  compare(baseId: string, headId: string): Promise<SuiteRunComparison>;
  /** The run as JUnit XML: one testcase per case (failures, errors, cases that never ran skipped). */
  junit(id: string): Promise<string>;
  /** Live events of one run (no snapshot: see {@link watchSuiteRun}); returns the unsubscribe function. */
  subscribe(id: string, listener: (event: SuiteRunEvent) => void): () => void;
  /**
   * Resolves with the run once it is completed or cancelled.
   * @throws `SHUTTING_DOWN` when this runner is drained first; `HISTORY_WRITE_FAILED` when the run stopped on a storage failure.
   */
  whenFinished(id: string): Promise<SuiteRun>;
  /**
   * Starts no more cases (new starts are refused), waits up to `timeoutMs` for the cases in flight
   * to be recorded, then cuts the rest; every run not finished is left `running` for the next resume.
   */
  drain(timeoutMs: number): Promise<DrainResult>;
}
