/**
 * The run history and suite-run store: one interface ({@link HistoryStore}) and its SQLite
 * implementation. See docs/storage.md.
 */
export type {
  AnswerQuery,
  AnswerToStore,
  CaseOutcome,
  CasePlan,
  CaseRef,
  FoundAnswer,
  HistoryStore,
  NewCaseRun,
  NewRun,
  NewSuiteRun,
  PageRequest,
  PlannedCase,
  SuiteRunPlan,
} from './types.js';
export { openSqliteStore, type OpenStoreOptions, type OpenedStore, type StoreStats } from './open-store.js';
export { SqliteHistoryStore } from './sqlite-store.js';
export type { Durability } from './write-queue.js';
export { StoreOpenError } from './errors.js';
export { DATABASE_FILE_NAME, DEFAULT_LOCK_WAIT_MS } from './database.js';
export { OWNER_FILE_NAME } from './owner-file.js';
export { SQLITE_NATIVE_FILE_NAME } from './native-binding.js';
export { DEFAULT_CACHE_TTL_MS } from './answers.js';
export { CURSOR_PATTERN, MAX_PAGE_LIMIT, parseCursor } from './list-runs.js';
export { isRunId } from './run-id.js';
export { LEGACY_FILE_NAME, DEFAULT_MAX_IMPORT_LINE_BYTES } from './jsonl/legacy-file.js';
export type { ImportProgressListener, LegacyImportReport, LegacyImportCounts } from './jsonl/import-legacy.js';
export { logLegacyImport } from './log-import.js';
