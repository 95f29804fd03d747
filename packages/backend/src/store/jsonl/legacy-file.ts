// Kept apart from import-legacy.ts, which is imported only when there is a file to import: it
// pulls in the legacy-run shape check (Ajv), which a start without runs.jsonl never needs.

/** The old history file, imported once from the data directory. */
export const LEGACY_FILE_NAME = 'runs.jsonl';
/** Longest line imported (8 MiB): an old run was never near it; a longer line is skipped and counted, never held. */
export const DEFAULT_MAX_IMPORT_LINE_BYTES = 8 * 1024 * 1024;
