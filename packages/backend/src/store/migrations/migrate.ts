import type { Database } from 'better-sqlite3';
import { StoreOpenError } from '../errors.js';
import type { Migration } from './types.js';

/** The database's schema version (`PRAGMA user_version`; 0 for a new file). */
export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function checkOrder(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) throw new TypeError(`Migration ${migration.description} has version ${migration.version}; expected ${index + 1}`);
  });
}

/**
 * Brings the database to the newest version: each pending migration runs in its own transaction
 * together with the `user_version` bump, so a crash leaves the file at a whole version.
 * @returns the versions before and after.
 * @throws StoreOpenError `STORE_OPEN_FAILED` when the file is newer than this code, or a migration fails.
 */
export function migrate(db: Database, migrations: readonly Migration[], path: string): { from: number; to: number } {
  checkOrder(migrations);
  const from = schemaVersion(db);
  const newest = migrations.length;
  if (from > newest) {
    throw new StoreOpenError(
      'STORE_OPEN_FAILED',
      `${path} has schema version ${from}, newer than this backend's ${newest}: it was written by a newer Sentinel. Update Sentinel, or move the file away to start a new history.`,
    );
  }
  for (const migration of migrations.slice(from)) {
    try {
      db.transaction(() => {
        migration.up(db);
        db.pragma(`user_version = ${migration.version}`);
      }).immediate();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new StoreOpenError('STORE_OPEN_FAILED', `Migrating ${path} to version ${migration.version} (${migration.description}) failed: ${reason}`, { cause: error });
    }
  }
  return { from, to: Math.max(from, newest) };
}
