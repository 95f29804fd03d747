import type { Database, Statement } from 'better-sqlite3';
import type { RunRecord } from '../contract/run.js';
import { sqliteCode } from './errors.js';
import type { NewRun } from './types.js';

/** Attempts at a fresh id when one collides with a stored (say, imported) one; a collision is already a 1-in-4-billion event. */
const ID_ATTEMPTS = 5;

/** A stored run's row, as read back. */
interface RunRow {
  readonly id: string;
  readonly record: string;
}

/** How a run is inserted: its id (made fresh unless `preferredId` is free) and, for imports, the line's key. */
export interface InsertOptions {
  readonly preferredId?: string;
  /** SHA-256 of the imported line: a second import of the same line is ignored. */
  readonly importKey?: string;
}

function isIdCollision(error: unknown): boolean {
  return sqliteCode(error) === 'SQLITE_CONSTRAINT' && error instanceof Error && error.message.includes('runs.id');
}

/** The record as stored in the `record` column: everything but `id` (a column of its own) and `saved`. */
function recordJson(run: NewRun): string {
  const { id: _id, saved: _saved, ...rest } = run as NewRun & { id?: unknown; saved?: unknown };
  return JSON.stringify(rest);
}

/** Reads a stored row back into the record it was. */
export function rowToRun(row: RunRow): RunRecord {
  return { id: row.id, ...(JSON.parse(row.record) as Omit<RunRecord, 'id' | 'saved'>), saved: true };
}

/** Synchronous reads and writes of the `runs` and `run_tags` tables (writes run inside the caller's transaction). */
export class RunTable {
  readonly #nextId: () => string;
  readonly #insert: Statement;
  readonly #insertTag: Statement;
  readonly #byId: Statement<[string], RunRow>;
  readonly #bySeq: Statement<[number | bigint], RunRow>;
  readonly #idTaken: Statement<[string], unknown>;

  constructor(db: Database, nextId: () => string) {
    this.#nextId = nextId;
    this.#insert = db.prepare(`
      INSERT INTO runs (id, name, test_id, suite_run_id, case_index, provider, model, passed, started_at, import_key, record)
      VALUES (@id, @name, @test_id, @suite_run_id, @case_index, @provider, @model, @passed, @started_at, @import_key, @record)
      ON CONFLICT (import_key) WHERE import_key IS NOT NULL DO NOTHING`);
    this.#insertTag = db.prepare('INSERT OR IGNORE INTO run_tags (tag, run_seq) VALUES (?, ?)');
    this.#byId = db.prepare('SELECT id, record FROM runs WHERE id = ?');
    this.#bySeq = db.prepare('SELECT id, record FROM runs WHERE seq = ?');
    this.#idTaken = db.prepare('SELECT 1 FROM runs WHERE id = ?').pluck();
  }

  /**
   * Inserts the run and its tags; returns the stored record and its seq, or undefined when its
   * import key was already imported.
   */
  insert(run: NewRun, options: InsertOptions = {}): { run: RunRecord; seq: number | bigint } | undefined {
    const record = recordJson(run);
    let id = options.preferredId !== undefined && this.isIdFree(options.preferredId) ? options.preferredId : this.#nextId();
    for (let attempt = 1; ; attempt += 1) {
      try {
        const info = this.#insert.run({
          id,
          name: run.name,
          test_id: run.test_id,
          suite_run_id: run.suite_run_id,
          case_index: run.case_index,
          provider: run.provider,
          model: run.model,
          passed: run.success ? 1 : 0,
          started_at: run.started_at,
          import_key: options.importKey ?? null,
          record,
        });
        if (info.changes === 0) return undefined;
        for (const tag of new Set(run.tags)) this.#insertTag.run(tag, info.lastInsertRowid);
        // What getRun will read back (JSON drops undefined members; nothing else differs), without re-parsing it.
        return { run: { id, ...run, saved: true }, seq: info.lastInsertRowid };
      } catch (error) {
        if (!isIdCollision(error) || attempt >= ID_ATTEMPTS) throw error;
        id = this.#nextId();
      }
    }
  }

  /** Whether no stored run has this id. */
  isIdFree(id: string): boolean {
    return this.#idTaken.get(id) === undefined;
  }

  get(id: string): RunRecord | undefined {
    const row = this.#byId.get(id);
    return row === undefined ? undefined : rowToRun(row);
  }

  getBySeq(seq: number | bigint): RunRecord | undefined {
    const row = this.#bySeq.get(seq);
    return row === undefined ? undefined : rowToRun(row);
  }
}
