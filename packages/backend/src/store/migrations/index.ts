import { historyMigration } from './001-history.js';
import { suiteRunsMigration } from './002-suite-runs.js';
import { suiteRunBySuiteMigration } from './003-suite-run-by-suite.js';
import type { Migration } from './types.js';

export type { Migration } from './types.js';
export { migrate, schemaVersion } from './migrate.js';

/** Every migration, in order; the last one's version is the schema this code writes. */
export const MIGRATIONS: readonly Migration[] = [historyMigration, suiteRunsMigration, suiteRunBySuiteMigration];
