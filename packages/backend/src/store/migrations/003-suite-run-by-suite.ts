import type { Migration } from './types.js';

/** Listing a library suite's runs (`GET /api/suite-runs?suite_id=`) through an index. */
export const suiteRunBySuiteMigration: Migration = {
  version: 3,
  description: "suite runs: index on (suite_id, seq) for a suite's history",
  up: (db) => db.exec('CREATE INDEX suite_runs_by_suite ON suite_runs (suite_id, seq)'),
};
