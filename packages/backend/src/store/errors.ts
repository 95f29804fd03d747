import { BackendError } from '../app/errors.js';
import type { FatalCode } from '../contract/error-codes.js';

/** Why the store could not be opened: the fatal code the sidecar prints before exiting 1. */
export class StoreOpenError extends Error {
  readonly code: Extract<FatalCode, 'DATA_DIR_LOCKED' | 'STORE_OPEN_FAILED'>;
  /** The pid of the backend holding the data directory, when known (DATA_DIR_LOCKED). */
  readonly pid: number | null;

  constructor(code: StoreOpenError['code'], message: string, options: { pid?: number | null; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'StoreOpenError';
    this.code = code;
    this.pid = options.pid ?? null;
  }
}

/** SQLite result codes that mean the storage itself failed (not a constraint or a bug). */
const STORAGE_FAILURES: Readonly<Record<string, string>> = {
  SQLITE_FULL: 'the disk is full',
  SQLITE_IOERR: 'the disk reported an I/O error',
  SQLITE_READONLY: 'the database or its folder is read-only',
  SQLITE_PERM: 'the operating system refused the write',
  SQLITE_CANTOPEN: 'a database file could not be opened',
  SQLITE_CORRUPT: 'the database file is corrupt',
  SQLITE_NOTADB: 'the file is not a database',
  SQLITE_NOMEM: 'SQLite ran out of memory',
  SQLITE_BUSY: 'the database is locked by another process',
  SQLITE_LOCKED: 'the database is locked',
  SQLITE_PROTOCOL: 'the database lock protocol failed',
};

/** The primary SQLite code of an error (`SQLITE_IOERR_WRITE` -> `SQLITE_IOERR`), if it is one. */
export function sqliteCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return undefined;
  return code.split('_').slice(0, 2).join('_');
}

/** True when the error means the disk, file system or database file failed. */
export function isStorageFailure(error: unknown): boolean {
  const code = sqliteCode(error);
  return code !== undefined && code in STORAGE_FAILURES;
}

/** `HISTORY_WRITE_FAILED`, saying in words why (`the disk is full`) and naming the database file. */
export function historyWriteFailed(error: unknown, databasePath: string): BackendError {
  const full = (error as { code?: unknown } | null)?.code;
  const reason = STORAGE_FAILURES[sqliteCode(error) ?? ''] ?? (error instanceof Error ? error.message : String(error));
  return new BackendError('HISTORY_WRITE_FAILED', {
    message: `The history could not be written to ${databasePath}: ${reason}`,
    details: { storage_error: typeof full === 'string' ? full : 'UNKNOWN' },
    cause: error,
  });
}
