import Database from 'better-sqlite3';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { StoreOpenError, sqliteCode } from './errors.js';
import { readOwnerPid, writeOwnerFile } from './owner-file.js';

/** Name of the history database inside the data directory (its WAL is `history.db-wal`). */
export const DATABASE_FILE_NAME = 'history.db';

/**
 * How long opening waits for another process's lock on the database before refusing. The kernel
 * frees a dead process's lock before its parent even sees the exit, so a restart after a crash
 * never waits; this only covers a predecessor that is still closing (a drain's last moments).
 */
export const DEFAULT_LOCK_WAIT_MS = 1_000;

/** What {@link openDatabase} needs. */
export interface OpenDatabaseOptions {
  readonly dataDir: string;
  /** Path of better-sqlite3's native addon; undefined = its normal resolution. */
  readonly nativeBinding: string | undefined;
  /** @default DEFAULT_LOCK_WAIT_MS */
  readonly lockWaitMs?: number;
}

function lockedError(dataDir: string, cause: unknown): StoreOpenError {
  const pid = readOwnerPid(dataDir);
  const who = pid === null ? 'another Sentinel backend (pid unknown)' : `another Sentinel backend (pid ${pid})`;
  const message = `The data directory ${dataDir} is in use by ${who}: only one backend may use it at a time. Stop that process, or set SENTINEL_DATA_DIR to another directory.`;
  return new StoreOpenError('DATA_DIR_LOCKED', message, { pid, cause });
}

function openFailed(path: string, error: unknown): StoreOpenError {
  if (error instanceof StoreOpenError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new StoreOpenError('STORE_OPEN_FAILED', `The history database ${path} could not be opened: ${reason}`, { cause: error });
}

function closeQuietly(db: Database.Database | undefined): void {
  try {
    db?.close();
  } catch {
    // Opening failed; there is nothing left to close cleanly.
  }
}

/** Creates the data directory (owner-only) and an empty owner-only database file if missing. */
function prepareFiles(dataDir: string, path: string): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  closeSync(openSync(path, 'a', 0o600));
}

/**
 * Opens `<dataDir>/history.db` as the only writer: exclusive locking mode (held until close,
 * released by the kernel if the process dies), WAL, `synchronous=FULL`, foreign keys on.
 * @throws StoreOpenError `DATA_DIR_LOCKED` naming the other backend's pid, or `STORE_OPEN_FAILED`.
 */
export function openDatabase(options: OpenDatabaseOptions): { db: Database.Database; path: string } {
  const path = join(options.dataDir, DATABASE_FILE_NAME);
  let db: Database.Database | undefined;
  try {
    prepareFiles(options.dataDir, path);
    db = new Database(path, { timeout: options.lockWaitMs ?? DEFAULT_LOCK_WAIT_MS, ...(options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding }) });
    db.pragma('locking_mode = EXCLUSIVE');
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal') throw new Error(`the file system does not support write-ahead logging (journal_mode is ${String(mode)})`);
    // Take the exclusive lock now (exclusive mode keeps it until close), not at the first write.
    db.exec('BEGIN EXCLUSIVE; COMMIT');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    writeOwnerFile(options.dataDir);
    return { db, path };
  } catch (error) {
    closeQuietly(db);
    if (sqliteCode(error) === 'SQLITE_BUSY') throw lockedError(options.dataDir, error);
    throw openFailed(path, error);
  }
}
