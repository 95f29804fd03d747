import type { Migration } from './types.js';

/**
 * Suite runs and the exactly-once primitives (issue 9): the durable plan and case states, one
 * recorded result per (suite run, case index), the answer journal (per case) and the response
 * cache (per request hash, with an expiry).
 */
export const suiteRunsMigration: Migration = {
  version: 2,
  description: 'suite runs: suite_runs, suite_cases, case_answers, response_cache',
  up: (db) =>
    db.exec(`
      CREATE TABLE suite_runs (
        seq              INTEGER PRIMARY KEY,
        id               TEXT    NOT NULL UNIQUE,
        suite_id         TEXT,
        suite_name       TEXT    NOT NULL,
        suite_version    TEXT,
        suite            TEXT    NOT NULL,
        status           TEXT    NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'completed', 'cancelled')),
        cancel_requested INTEGER NOT NULL DEFAULT 0 CHECK (cancel_requested IN (0, 1)),
        concurrency      INTEGER NOT NULL CHECK (concurrency >= 1),
        cache            INTEGER NOT NULL CHECK (cache IN (0, 1)),
        rerun_of         TEXT    REFERENCES suite_runs (id),
        started_at       TEXT    NOT NULL,
        finished_at      TEXT
      );
      CREATE INDEX suite_runs_running ON suite_runs (seq) WHERE status = 'running';

      CREATE TABLE suite_cases (
        suite_run_id  TEXT    NOT NULL REFERENCES suite_runs (id),
        case_index    INTEGER NOT NULL CHECK (case_index >= 0),
        name          TEXT    NOT NULL,
        spec          TEXT    NOT NULL,
        request       TEXT,
        state         TEXT    NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'running', 'passed', 'failed', 'error')),
        attempts      INTEGER NOT NULL DEFAULT 0,
        run_seq       INTEGER UNIQUE REFERENCES runs (seq),
        error_code    TEXT,
        error_message TEXT,
        updated_at    TEXT    NOT NULL,
        PRIMARY KEY (suite_run_id, case_index),
        CHECK ((state IN ('passed', 'failed')) = (run_seq IS NOT NULL)),
        CHECK ((state = 'error') = (error_code IS NOT NULL))
      ) WITHOUT ROWID;

      CREATE UNIQUE INDEX runs_by_case ON runs (suite_run_id, case_index) WHERE suite_run_id IS NOT NULL;

      CREATE TABLE case_answers (
        suite_run_id TEXT    NOT NULL,
        case_index   INTEGER NOT NULL,
        request_hash TEXT    NOT NULL,
        answer       TEXT    NOT NULL,
        stored_at    INTEGER NOT NULL,
        PRIMARY KEY (suite_run_id, case_index),
        FOREIGN KEY (suite_run_id, case_index) REFERENCES suite_cases (suite_run_id, case_index)
      ) WITHOUT ROWID;

      CREATE TABLE response_cache (
        request_hash TEXT    PRIMARY KEY,
        answer       TEXT    NOT NULL,
        stored_at    INTEGER NOT NULL,
        expires_at   INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX response_cache_by_expiry ON response_cache (expires_at);
    `),
};
