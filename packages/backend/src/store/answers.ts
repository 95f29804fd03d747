import type { Database, Statement } from 'better-sqlite3';
import type { ModelAnswer } from '../contract/run.js';
import { BackendError } from '../app/errors.js';
import type { AnswerQuery, AnswerToStore, CaseRef, FoundAnswer } from './types.js';

/**
 * How long a response-cache entry is used, by default: 14 days, as promptfoo's cache. A cached
 * answer older than that is never returned and is deleted at the next start.
 */
export const DEFAULT_CACHE_TTL_MS = 14 * 24 * 60 * 60 * 1000;

interface AnswerRow {
  readonly answer: string;
  readonly stored_at: number;
}

function found(row: AnswerRow | undefined, source: FoundAnswer['source']): FoundAnswer | undefined {
  if (row === undefined) return undefined;
  return { answer: JSON.parse(row.answer) as ModelAnswer, source, stored_at: new Date(row.stored_at).toISOString() };
}

/**
 * The answer journal and the response cache. A journal entry belongs to one case of one suite
 * run (two identical requests in a suite are two samples, each paid once) and lives until the
 * case ends; a cache entry is global by request hash and expires. Only answers are ever stored:
 * a failed call has no answer, so errors are never cached.
 */
export class AnswerStore {
  readonly #now: () => number;
  readonly #putJournal: Statement;
  readonly #putCache: Statement;
  readonly #journal: Statement<[string, number, string], AnswerRow>;
  readonly #cache: Statement<[string, number], AnswerRow>;
  readonly #purge: Statement<[number]>;

  constructor(db: Database, now: () => number) {
    this.#now = now;
    this.#putJournal = db.prepare(`INSERT INTO case_answers (suite_run_id, case_index, request_hash, answer, stored_at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (suite_run_id, case_index) DO UPDATE SET request_hash = excluded.request_hash, answer = excluded.answer, stored_at = excluded.stored_at`);
    this.#putCache = db.prepare(`INSERT INTO response_cache (request_hash, answer, stored_at, expires_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (request_hash) DO UPDATE SET answer = excluded.answer, stored_at = excluded.stored_at, expires_at = excluded.expires_at`);
    this.#journal = db.prepare('SELECT answer, stored_at FROM case_answers WHERE suite_run_id = ? AND case_index = ? AND request_hash = ?');
    this.#cache = db.prepare('SELECT answer, stored_at FROM response_cache WHERE request_hash = ? AND expires_at > ?');
    this.#purge = db.prepare('DELETE FROM response_cache WHERE expires_at <= ?');
  }

  /** Checks an entry before it is queued (a bad one is a programming error). */
  static check(entry: AnswerToStore): void {
    if (entry.case === undefined && entry.cacheTtlMs === undefined) throw new TypeError('putAnswer needs a case, a cacheTtlMs, or both');
    if (entry.cacheTtlMs !== undefined && (!Number.isInteger(entry.cacheTtlMs) || entry.cacheTtlMs < 1)) {
      throw new RangeError(`putAnswer: cacheTtlMs must be a positive integer; received ${String(entry.cacheTtlMs)}`);
    }
    if (typeof entry.answer?.output !== 'string') throw new TypeError('putAnswer: answer must be a ModelAnswer (errors are never stored)');
  }

  put(entry: AnswerToStore): void {
    const now = this.#now();
    const answer = JSON.stringify(entry.answer);
    if (entry.case !== undefined) this.#journalAnswer(entry.case, entry.requestHash, answer, now);
    if (entry.cacheTtlMs !== undefined) this.#putCache.run(entry.requestHash, answer, now, now + entry.cacheTtlMs);
  }

  #journalAnswer(ref: CaseRef, requestHash: string, answer: string, now: number): void {
    try {
      this.#putJournal.run(ref.suiteRunId, ref.index, requestHash, answer, now);
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'SQLITE_CONSTRAINT_FOREIGNKEY') throw error;
      throw new BackendError('SUITE_RUN_NOT_FOUND', { message: `Suite run ${ref.suiteRunId} has no case ${ref.index}`, details: { id: ref.suiteRunId } });
    }
  }

  /** The case's journal entry for this request first, then an unexpired cache entry if asked. */
  find(query: AnswerQuery): FoundAnswer | undefined {
    if (query.case !== undefined) {
      const journaled = found(this.#journal.get(query.case.suiteRunId, query.case.index, query.requestHash), 'journal');
      if (journaled !== undefined) return journaled;
    }
    return query.cache === true ? found(this.#cache.get(query.requestHash, this.#now()), 'cache') : undefined;
  }

  /** Deletes expired cache entries; returns how many. */
  purgeExpired(): number {
    return this.#purge.run(this.#now()).changes;
  }
}
