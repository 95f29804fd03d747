import type { Database } from 'better-sqlite3';

/** One numbered schema change. Applied in its own transaction, after which `PRAGMA user_version` is `version`. */
export interface Migration {
  /** 1, 2, 3...: the schema version this migration produces. */
  readonly version: number;
  readonly description: string;
  readonly up: (db: Database) => void;
}
