import type { Database } from 'better-sqlite3';
import type { RunFilter, RunPage, RunRecord } from '../contract/run.js';
import type { CaseError, SuiteRun, SuiteRunFilter, SuiteRunPage } from '../contract/suite-run.js';
import { AnswerStore } from './answers.js';
import { checkPage, RunLister } from './list-runs.js';
import { removeOwnerFile } from './owner-file.js';
import { RunTable } from './run-table.js';
import { SuiteRunReader } from './suite-run-rows.js';
import { SuiteRunWriter } from './suite-run-writes.js';
import type { AnswerQuery, AnswerToStore, CaseOutcome, FoundAnswer, HistoryStore, NewCaseRun, NewRun, NewSuiteRun, PageRequest, SuiteRunPlan } from './types.js';
import { WriteQueue, type Durability } from './write-queue.js';

/** {@link HistoryStore} on one SQLite database: reads answered at once, writes group-committed by a {@link WriteQueue}. */
export class SqliteHistoryStore implements HistoryStore {
  readonly #db: Database;
  readonly #dataDir: string;
  readonly #queue: WriteQueue;
  readonly #nextId: () => string;
  readonly #runs: RunTable;
  readonly #lister: RunLister;
  readonly #suiteRuns: SuiteRunReader;
  readonly #suiteWrites: SuiteRunWriter;
  readonly #answers: AnswerStore;
  #closed = false;

  constructor(db: Database, context: { readonly dataDir: string; readonly path: string; readonly nextId: () => string; readonly now: () => number; readonly durability?: Durability }) {
    this.#db = db;
    this.#dataDir = context.dataDir;
    this.#nextId = context.nextId;
    this.#queue = new WriteQueue(db, context.path, context.durability ?? 'full');
    this.#runs = new RunTable(db, context.nextId);
    this.#lister = new RunLister(db);
    this.#suiteRuns = new SuiteRunReader(db);
    this.#suiteWrites = new SuiteRunWriter(db, this.#suiteRuns, this.#runs, context.now);
    this.#answers = new AnswerStore(db, context.now);
  }

  insertRun(run: NewRun): Promise<RunRecord> {
    if (run.suite_run_id !== null) return Promise.reject(new TypeError('insertRun takes runs outside suite runs; use recordCaseResult for a case'));
    return this.#queue.write(() => (this.#runs.insert(run) as { run: RunRecord }).run);
  }

  async getRun(id: string): Promise<RunRecord | undefined> {
    return this.#runs.get(id);
  }

  async listRuns(filter: RunFilter, page: PageRequest): Promise<RunPage> {
    return this.#lister.list(filter, page);
  }

  createSuiteRun(plan: NewSuiteRun): Promise<SuiteRun> {
    const id = this.#nextId();
    return this.#queue.write(() => {
      this.#suiteWrites.create(id, plan);
      return this.#suiteRuns.get(id) as SuiteRun;
    });
  }

  async getSuiteRun(id: string): Promise<SuiteRun | undefined> {
    return this.#suiteRuns.get(id);
  }

  async getSuiteRunPlan(id: string): Promise<SuiteRunPlan | undefined> {
    return this.#suiteRuns.plan(id);
  }

  async listSuiteRuns(page: PageRequest, filter: SuiteRunFilter = {}): Promise<SuiteRunPage> {
    const cursor = checkPage(page);
    const rows = this.#suiteRuns.page(page.limit + 1, cursor, filter.suite_id);
    const shown = rows.slice(0, page.limit);
    const next = rows.length > page.limit ? String(shown.at(-1)?.seq) : null;
    return { suite_runs: shown.map((row) => this.#suiteRuns.summary(row)), next_cursor: next };
  }

  async listUnfinishedSuiteRuns(): Promise<SuiteRun[]> {
    return this.#suiteRuns.unfinished().map((row) => this.#suiteRuns.get(row.id) as SuiteRun);
  }

  /** Not fsynced (`normal`): losing it in an OS crash only means the case counts as pending, which re-runs it just the same. */
  markCaseRunning(suiteRunId: string, index: number): Promise<boolean> {
    return this.#queue.write(() => this.#suiteWrites.claim(suiteRunId, index), 'normal');
  }

  recordCaseResult(suiteRunId: string, index: number, run: NewCaseRun): Promise<CaseOutcome> {
    return this.#queue.write(() => this.#suiteWrites.recordResult(suiteRunId, index, run));
  }

  recordCaseError(suiteRunId: string, index: number, error: CaseError): Promise<CaseOutcome> {
    return this.#queue.write(() => this.#suiteWrites.recordError(suiteRunId, index, error));
  }

  requestCancel(suiteRunId: string): Promise<SuiteRun> {
    return this.#queue.write(() => {
      this.#suiteWrites.requestCancel(suiteRunId);
      return this.#suiteRuns.get(suiteRunId) as SuiteRun;
    });
  }

  finishSuiteRun(suiteRunId: string): Promise<SuiteRun> {
    return this.#queue.write(() => {
      this.#suiteWrites.finish(suiteRunId);
      return this.#suiteRuns.get(suiteRunId) as SuiteRun;
    });
  }

  putAnswer(entry: AnswerToStore): Promise<void> {
    try {
      AnswerStore.check(entry);
    } catch (error) {
      return Promise.reject(error);
    }
    return this.#queue.write(() => this.#answers.put(entry));
  }

  async findAnswer(query: AnswerQuery): Promise<FoundAnswer | undefined> {
    return this.#answers.find(query);
  }

  /** Deletes expired response-cache entries (done at open); returns how many. */
  purgeExpiredAnswers(): Promise<number> {
    return this.#queue.write(() => this.#answers.purgeExpired(), 'normal');
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#queue.close();
    this.#db.close();
    removeOwnerFile(this.#dataDir);
  }
}
