import type { Migration } from './types.js';

/**
 * The run history (issue 8). `seq` orders it (newest first) and is the paging cursor: SQLite
 * assigns it, so no stored value can steer it. Each filter of `GET /api/runs` has an index ending
 * in `seq`, so a page is an index range read, never a scan of the history.
 */
export const historyMigration: Migration = {
  version: 1,
  description: 'run history: runs, run_tags, legacy_imports',
  up: (db) =>
    db.exec(`
      CREATE TABLE runs (
        seq          INTEGER PRIMARY KEY,
        id           TEXT    NOT NULL UNIQUE,
        name         TEXT    NOT NULL,
        test_id      TEXT,
        suite_run_id TEXT,
        case_index   INTEGER,
        provider     TEXT    NOT NULL,
        model        TEXT    NOT NULL,
        passed       INTEGER NOT NULL CHECK (passed IN (0, 1)),
        started_at   TEXT    NOT NULL,
        import_key   TEXT,
        record       TEXT    NOT NULL
      );
      CREATE INDEX runs_by_test ON runs (test_id, seq) WHERE test_id IS NOT NULL;
      CREATE INDEX runs_by_suite_run ON runs (suite_run_id, seq) WHERE suite_run_id IS NOT NULL;
      CREATE INDEX runs_by_model ON runs (model, seq);
      CREATE INDEX runs_by_passed ON runs (passed, seq);
      CREATE UNIQUE INDEX runs_by_import_key ON runs (import_key) WHERE import_key IS NOT NULL;

      CREATE TABLE run_tags (
        tag     TEXT    NOT NULL,
        run_seq INTEGER NOT NULL REFERENCES runs (seq),
        PRIMARY KEY (tag, run_seq)
      ) WITHOUT ROWID;

      CREATE TABLE legacy_imports (
        source      TEXT    PRIMARY KEY,
        path        TEXT    NOT NULL,
        offset      INTEGER NOT NULL,
        counts      TEXT    NOT NULL,
        started_at  TEXT    NOT NULL,
        finished_at TEXT
      ) WITHOUT ROWID;
    `),
};
