import type { Database, Statement } from 'better-sqlite3';
import { BackendError } from '../app/errors.js';
import type { CaseError, SuiteRunCase } from '../contract/suite-run.js';
import type { RunTable } from './run-table.js';
import { hasEnded, type SuiteRunReader } from './suite-run-rows.js';
import type { CaseOutcome, NewCaseRun, NewSuiteRun } from './types.js';

function notFound(suiteRunId: string, index?: number): BackendError {
  const which = index === undefined ? `No suite run ${suiteRunId}` : `Suite run ${suiteRunId} has no case ${index}`;
  return new BackendError('SUITE_RUN_NOT_FOUND', { message: which, details: { id: suiteRunId } });
}

/**
 * The suite-run writes, each synchronous and meant to run inside one transaction of the write
 * queue (so a case's run row and its state change commit together or not at all).
 */
export class SuiteRunWriter {
  readonly #reader: SuiteRunReader;
  readonly #runs: RunTable;
  readonly #now: () => number;
  readonly #insertRun: Statement;
  readonly #insertCase: Statement;
  readonly #claim: Statement;
  readonly #endCase: Statement;
  readonly #failCase: Statement;
  readonly #dropAnswer: Statement;
  readonly #cancel: Statement;
  readonly #finish: Statement;
  readonly #requeue: Statement;

  constructor(db: Database, reader: SuiteRunReader, runs: RunTable, now: () => number) {
    this.#reader = reader;
    this.#runs = runs;
    this.#now = now;
    this.#insertRun = db.prepare(`INSERT INTO suite_runs (id, suite_id, suite_name, suite_version, suite, concurrency, cache, rerun_of, started_at)
      VALUES (@id, @suite_id, @suite_name, @suite_version, @suite, @concurrency, @cache, @rerun_of, @started_at)`);
    this.#insertCase = db.prepare(`INSERT INTO suite_cases (suite_run_id, case_index, name, spec, request, updated_at)
      VALUES (@suite_run_id, @case_index, @name, @spec, @request, @updated_at)`);
    this.#claim = db.prepare(`UPDATE suite_cases SET state = 'running', attempts = attempts + 1, updated_at = ?
      WHERE suite_run_id = ? AND case_index = ? AND state IN ('pending', 'running')`);
    this.#endCase = db.prepare(`UPDATE suite_cases SET state = ?, run_seq = ?, updated_at = ? WHERE suite_run_id = ? AND case_index = ?`);
    this.#failCase = db.prepare(`UPDATE suite_cases SET state = 'error', error_code = ?, error_message = ?, updated_at = ? WHERE suite_run_id = ? AND case_index = ?`);
    this.#dropAnswer = db.prepare('DELETE FROM case_answers WHERE suite_run_id = ? AND case_index = ?');
    this.#cancel = db.prepare("UPDATE suite_runs SET cancel_requested = 1 WHERE id = ? AND status = 'running'");
    this.#finish = db.prepare("UPDATE suite_runs SET status = ?, finished_at = ? WHERE id = ? AND status = 'running'");
    this.#requeue = db.prepare("UPDATE suite_cases SET state = 'pending', updated_at = ? WHERE suite_run_id = ? AND state = 'running'");
  }

  #iso(): string {
    return new Date(this.#now()).toISOString();
  }

  create(id: string, plan: NewSuiteRun): void {
    const startedAt = this.#iso();
    this.#insertRun.run({
      id,
      suite_id: plan.suite.id,
      suite_name: plan.suite.name,
      suite_version: plan.suite.version,
      suite: JSON.stringify(plan.definition),
      concurrency: plan.concurrency,
      cache: plan.cache ? 1 : 0,
      rerun_of: plan.rerun_of,
      started_at: startedAt,
    });
    plan.cases.forEach((planned, index) => {
      const request = planned.request === undefined ? null : JSON.stringify(planned.request);
      this.#insertCase.run({ suite_run_id: id, case_index: index, name: planned.name, spec: JSON.stringify(planned.spec), request, updated_at: startedAt });
    });
  }

  #existing(suiteRunId: string, index: number): SuiteRunCase {
    const found = this.#reader.case(suiteRunId, index);
    if (found === undefined) throw notFound(suiteRunId, index);
    return found;
  }

  claim(suiteRunId: string, index: number): boolean {
    const run = this.#reader.state(suiteRunId);
    if (run === undefined) throw notFound(suiteRunId);
    this.#existing(suiteRunId, index);
    if (run.status !== 'running') return false;
    return this.#claim.run(this.#iso(), suiteRunId, index).changes === 1;
  }

  /** The earlier end of a case that already ended (first write wins), or undefined. */
  #earlierEnd(existing: SuiteRunCase): CaseOutcome | undefined {
    if (!hasEnded(existing.state)) return undefined;
    return { written: false, case: existing, run: existing.run_id === null ? null : (this.#runs.get(existing.run_id) ?? null) };
  }

  recordResult(suiteRunId: string, index: number, run: NewCaseRun): CaseOutcome {
    const existing = this.#existing(suiteRunId, index);
    const earlier = this.#earlierEnd(existing);
    if (earlier !== undefined) return earlier;
    const inserted = this.#runs.insert({ ...run, suite_run_id: suiteRunId, case_index: index });
    if (inserted === undefined) throw new Error('A case run cannot be an import duplicate');
    const state = run.success ? 'passed' : 'failed';
    this.#endCase.run(state, inserted.seq, this.#iso(), suiteRunId, index);
    this.#dropAnswer.run(suiteRunId, index);
    // The case as reading it back would give it (the update above set exactly these), without the read.
    return { written: true, case: { ...existing, state, run_id: inserted.run.id }, run: inserted.run };
  }

  recordError(suiteRunId: string, index: number, error: CaseError): CaseOutcome {
    const existing = this.#existing(suiteRunId, index);
    const earlier = this.#earlierEnd(existing);
    if (earlier !== undefined) return earlier;
    this.#failCase.run(error.code, error.message, this.#iso(), suiteRunId, index);
    this.#dropAnswer.run(suiteRunId, index);
    return { written: true, case: { ...existing, state: 'error', error: { code: error.code, message: error.message } }, run: null };
  }

  requestCancel(suiteRunId: string): void {
    if (this.#reader.state(suiteRunId) === undefined) throw notFound(suiteRunId);
    this.#cancel.run(suiteRunId);
  }

  finish(suiteRunId: string): void {
    const run = this.#reader.row(suiteRunId);
    if (run === undefined) throw notFound(suiteRunId);
    if (run.status !== 'running') return;
    const cancelled = run.cancel_requested === 1;
    const summary = this.#reader.summary(run);
    if (!cancelled && summary.done < summary.total) {
      throw new Error(`Suite run ${suiteRunId} cannot complete: ${summary.total - summary.done} of its ${summary.total} cases have not ended`);
    }
    if (cancelled) this.#requeue.run(this.#iso(), suiteRunId);
    this.#finish.run(cancelled ? 'cancelled' : 'completed', this.#iso(), suiteRunId);
  }
}
