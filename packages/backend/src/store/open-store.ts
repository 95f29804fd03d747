import type { Database } from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, DEFAULT_LOCK_WAIT_MS } from './database.js';
import { StoreOpenError } from './errors.js';
import type { ImportProgressListener, LegacyImportReport } from './jsonl/import-legacy.js';
import { DEFAULT_MAX_IMPORT_LINE_BYTES, LEGACY_FILE_NAME } from './jsonl/legacy-file.js';
import { MIGRATIONS, migrate } from './migrations/index.js';
import { removeOwnerFile } from './owner-file.js';
import { defaultNativeBinding } from './native-binding.js';
import { createIdGenerator } from './run-id.js';
import { RunTable } from './run-table.js';
import { SqliteHistoryStore } from './sqlite-store.js';
import type { Durability } from './write-queue.js';

/** Options of {@link openSqliteStore}. */
export interface OpenStoreOptions {
  /** The data directory (created owner-only if missing); the database is `<dataDir>/history.db`. */
  readonly dataDir: string;
  /** Path of better-sqlite3's native addon. @default beside the bundle when bundled, else better-sqlite3's own resolution */
  readonly nativeBinding?: string;
  /** How long to wait for another process's lock before refusing with DATA_DIR_LOCKED. @default DEFAULT_LOCK_WAIT_MS (1000) */
  readonly lockWaitMs?: number;
  /** Import `<dataDir>/runs.jsonl` if present. @default true */
  readonly importLegacy?: boolean;
  /** Longest runs.jsonl line imported. @default DEFAULT_MAX_IMPORT_LINE_BYTES (8 MiB) */
  readonly maxImportLineBytes?: number;
  /** Called after each committed batch of the runs.jsonl import. @default undefined */
  readonly onImportProgress?: ImportProgressListener;
  /** The clock (cache expiry, timestamps). @default Date.now */
  readonly now?: () => number;
  /**
   * How durable an acknowledged write is. `full`: fsynced before it is acknowledged (survives a
   * power loss; the backend's promise). `normal`: in the write-ahead log, not fsynced (survives a
   * crash of the process, not of the machine): for a store whose runs can simply be repeated, as
   * the `sentinel` CLI's, where an fsync per commit would stall every case. @default 'full'
   */
  readonly durability?: Durability;
}

/** What opening found, for the startup log. */
export interface StoreStats {
  readonly path: string;
  readonly schema: { readonly from: number; readonly to: number };
  /** The runs.jsonl import: its report, its error (the backend starts anyway and resumes it next time), or null. */
  readonly legacyImport: LegacyImportReport | { readonly error: string } | null;
  /** Expired response-cache entries deleted. */
  readonly expiredCacheEntries: number;
}

/** The opened store and what opening it found. */
export interface OpenedStore {
  readonly store: SqliteHistoryStore;
  readonly stats: StoreStats;
}

async function importSafely(db: Database, runs: RunTable, options: OpenStoreOptions, now: () => number): Promise<StoreStats['legacyImport']> {
  // The importer (and the run-shape check it brings) is loaded only when there is a file to import.
  if (options.importLegacy === false || !existsSync(join(options.dataDir, LEGACY_FILE_NAME))) return null;
  try {
    const { importLegacyHistory } = await import('./jsonl/import-legacy.js');
    const maxLineBytes = options.maxImportLineBytes ?? DEFAULT_MAX_IMPORT_LINE_BYTES;
    return await importLegacyHistory(db, runs, { dataDir: options.dataDir, maxLineBytes, now, ...(options.onImportProgress === undefined ? {} : { onProgress: options.onImportProgress }) });
  } catch (error) {
    // Never a crash loop over the old file: start without it; the committed part stays and the rest is resumed next start.
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Opens the SQLite history in `dataDir`: takes the data directory's lock, migrates the schema,
 * imports an old runs.jsonl once, and purges expired cache entries.
 * @throws StoreOpenError `DATA_DIR_LOCKED` (another live backend holds it, its pid named) or `STORE_OPEN_FAILED`.
 */
export async function openSqliteStore(options: OpenStoreOptions): Promise<OpenedStore> {
  const now = options.now ?? Date.now;
  const nativeBinding = options.nativeBinding ?? defaultNativeBinding();
  const { db, path } = openDatabase({ dataDir: options.dataDir, nativeBinding, lockWaitMs: options.lockWaitMs ?? DEFAULT_LOCK_WAIT_MS });
  let store: SqliteHistoryStore | undefined;
  try {
    const schema = migrate(db, MIGRATIONS, path);
    const nextId = createIdGenerator(now);
    store = new SqliteHistoryStore(db, { dataDir: options.dataDir, path, nextId, now, ...(options.durability === undefined ? {} : { durability: options.durability }) });
    const legacyImport = await importSafely(db, new RunTable(db, nextId), options, now);
    const expiredCacheEntries = await store.purgeExpiredAnswers();
    return { store, stats: { path, schema, legacyImport, expiredCacheEntries } };
  } catch (error) {
    if (store !== undefined) await store.close();
    else {
      db.close();
      removeOwnerFile(options.dataDir);
    }
    if (error instanceof StoreOpenError) throw error;
    throw new StoreOpenError('STORE_OPEN_FAILED', `The history database ${path} could not be prepared: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
