import type { Database } from 'better-sqlite3';
import { BackendError } from '../app/errors.js';
import { historyWriteFailed, isStorageFailure } from './errors.js';

/**
 * How durable a write must be when its promise resolves. `full`: fsynced (survives power loss);
 * `normal`: written to the WAL but not fsynced (survives a crash of the process, not of the OS).
 */
export type Durability = 'full' | 'normal';

interface PendingWrite {
  readonly apply: () => unknown;
  readonly durability: Durability;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

type Outcome = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: unknown };

/**
 * Group commit: the writes queued during one turn of the event loop run in ONE transaction (each
 * in its own savepoint, so a write that fails alone is undone alone) and share one fsync. Every
 * promise settles after the COMMIT returned, so "resolved" means "on disk". A storage failure
 * (disk full, read-only, I/O error) rolls the whole batch back and rejects every write in it with
 * `HISTORY_WRITE_FAILED`.
 *
 * With a `normal` ceiling nothing is ever fsynced, so there is no fsync to share: each write
 * commits at once, as a batch of its own (its promise is settled when `write` returns). Waiting
 * for the next turn of the event loop cost each write about 2 ms at 16 cases in flight (measured
 * in `sentinel run`: a case's claim and its result each waited behind the other cases' work),
 * and a commit without an fsync costs a small fraction of that.
 */
export class WriteQueue {
  readonly #db: Database;
  readonly #path: string;
  #pending: PendingWrite[] = [];
  #scheduled = false;
  #closed = false;
  #synchronous: 'FULL' | 'NORMAL' | undefined;

  readonly #ceiling: Durability;

  /** `ceiling`: the most durable a write is made (`normal`: nothing is fsynced, for a store whose runs can be repeated, as the CLI's). */
  constructor(db: Database, databasePath: string, ceiling: Durability = 'full') {
    this.#db = db;
    this.#path = databasePath;
    this.#ceiling = ceiling;
    this.#setSynchronous(ceiling === 'full' ? 'FULL' : 'NORMAL');
  }

  /** Queues `apply` (synchronous SQL) and resolves with its value once its batch is committed. */
  write<T>(apply: () => T, durability: Durability = 'full'): Promise<T> {
    if (this.#closed) return Promise.reject(historyWriteFailed(new Error('the store is closed'), this.#path));
    return new Promise<T>((resolve, reject) => {
      this.#pending.push({ apply, durability, resolve: resolve as (value: unknown) => void, reject });
      if (this.#ceiling === 'normal') {
        this.flush();
        return;
      }
      if (this.#scheduled) return;
      this.#scheduled = true;
      setImmediate(() => this.flush());
    });
  }

  /** Commits everything queued now (also called by the timer and by close). */
  flush(): void {
    this.#scheduled = false;
    const batch = this.#pending.splice(0);
    if (batch.length === 0) return;
    let outcomes: Outcome[];
    try {
      const full = this.#ceiling === 'full' && batch.some((write) => write.durability === 'full');
      this.#setSynchronous(full ? 'FULL' : 'NORMAL');
      outcomes = this.#commit(batch);
    } catch (error) {
      if (this.#db.inTransaction) this.#rollbackQuietly();
      const failure = error instanceof BackendError ? error : historyWriteFailed(error, this.#path);
      for (const write of batch) write.reject(failure);
      return;
    }
    batch.forEach((write, index) => {
      const outcome = outcomes[index] as Outcome;
      if (outcome.ok) write.resolve(outcome.value);
      else write.reject(outcome.error);
    });
  }

  /** Commits what is queued and refuses later writes. */
  close(): void {
    this.flush();
    this.#closed = true;
  }

  #commit(batch: readonly PendingWrite[]): Outcome[] {
    const db = this.#db;
    db.exec('BEGIN IMMEDIATE');
    const outcomes = batch.map((write): Outcome => {
      db.exec('SAVEPOINT one_write');
      try {
        const value = write.apply();
        db.exec('RELEASE one_write');
        return { ok: true, value };
      } catch (error) {
        // A storage failure may already have rolled the transaction back: give up on the batch.
        if (isStorageFailure(error) || !db.inTransaction) throw error;
        db.exec('ROLLBACK TO one_write; RELEASE one_write');
        return { ok: false, error };
      }
    });
    db.exec('COMMIT');
    return outcomes;
  }

  #setSynchronous(level: 'FULL' | 'NORMAL'): void {
    if (this.#synchronous === level) return;
    this.#db.pragma(`synchronous = ${level}`);
    this.#synchronous = level;
  }

  #rollbackQuietly(): void {
    try {
      this.#db.exec('ROLLBACK');
    } catch {
      // Already rolled back by SQLite itself.
    }
  }
}
