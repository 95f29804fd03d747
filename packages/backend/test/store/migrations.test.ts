import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME, StoreOpenError } from '../../src/store/index.js';
import { MIGRATIONS, migrate, schemaVersion, type Migration } from '../../src/store/migrations/index.js';
import { makeTempDir, removeTempDirs } from '../helpers/temp-dir.js';
import { newRun, newSuiteRun } from './helpers/records.js';
import { closeStores, openTestStore } from './helpers/open-store.js';

afterEach(async () => {
  await closeStores();
  await removeTempDirs();
});

const NEWEST = MIGRATIONS.length;

function tables(db: Database.Database): string[] {
  return db.prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all().map((row) => row.name);
}

/** A database file built by the first `version` migrations only, as an older backend left it. */
async function databaseAt(version: number): Promise<{ dataDir: string; path: string }> {
  const dataDir = await makeTempDir();
  const path = join(dataDir, DATABASE_FILE_NAME);
  const db = new Database(path);
  migrate(db, MIGRATIONS.slice(0, version), path);
  if (version >= 1) {
    db.prepare("INSERT INTO runs (id, name, provider, model, passed, started_at, record) VALUES ('0000000000010000aaaaaaaa', 'old', 'anthropic', 'm', 1, 'x', ?)")
      .run(JSON.stringify(newRun({ name: 'old' })));
  }
  db.close();
  return { dataDir, path };
}

describe('schema migrations', () => {
  it('numbers the migrations 1, 2, ... in order', () => {
    expect(MIGRATIONS.map((migration) => migration.version)).toEqual(Array.from({ length: NEWEST }, (_unused, index) => index + 1));
  });

  it('builds a fresh database at the newest version, with WAL and every table', async () => {
    const { stats, store, dataDir } = await openTestStore();
    expect(stats.schema).toEqual({ from: 0, to: NEWEST });
    await store.close();
    const db = new Database(join(dataDir, DATABASE_FILE_NAME), { readonly: true });
    expect(schemaVersion(db)).toBe(NEWEST);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(tables(db)).toEqual(['case_answers', 'legacy_imports', 'response_cache', 'run_tags', 'runs', 'suite_cases', 'suite_runs']);
    db.close();
  });

  it.each(Array.from({ length: NEWEST }, (_unused, index) => index))('upgrades a database at version %i and keeps its runs', async (version) => {
    const { dataDir } = await databaseAt(version);
    const { stats, store } = await openTestStore({ dataDir });
    expect(stats.schema).toEqual({ from: version, to: NEWEST });
    if (version >= 1) expect(await store.getRun('0000000000010000aaaaaaaa')).toMatchObject({ name: 'old', saved: true });
    const suiteRun = await store.createSuiteRun(newSuiteRun(['a']));
    expect(await store.recordCaseResult(suiteRun.id, 0, newRun({ name: 'a' }))).toMatchObject({ written: true });
  });

  it('opens a database already at the newest version without changing it', async () => {
    const { dataDir, store } = await openTestStore();
    await store.insertRun(newRun({ name: 'kept' }));
    await store.close();
    const again = await openTestStore({ dataDir });
    expect(again.stats.schema).toEqual({ from: NEWEST, to: NEWEST });
    expect((await again.store.listRuns({}, { limit: 5 })).runs.map((run) => run.name)).toEqual(['kept']);
  });

  it('refuses a database written by a newer backend with STORE_OPEN_FAILED saying so, and leaves it untouched', async () => {
    const { dataDir, path } = await databaseAt(NEWEST);
    const raw = new Database(path);
    raw.pragma(`user_version = ${NEWEST + 7}`);
    raw.close();
    const error = await openTestStore({ dataDir }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StoreOpenError);
    expect(error).toMatchObject({ code: 'STORE_OPEN_FAILED' });
    expect((error as Error).message).toContain(`schema version ${NEWEST + 7}, newer than this backend's ${NEWEST}`);
    expect((error as Error).message).toContain(path);
    const after = new Database(path, { readonly: true });
    expect(schemaVersion(after)).toBe(NEWEST + 7);
    after.close();
    // The refused open released the directory: fixing the version lets a backend open it.
    const fixed = new Database(path);
    fixed.pragma(`user_version = ${NEWEST}`);
    fixed.close();
    expect((await openTestStore({ dataDir })).stats.schema.from).toBe(NEWEST);
  });

  it('runs each migration in one transaction: a failing one leaves the file at the previous whole version', async () => {
    const dataDir = await makeTempDir();
    const path = join(dataDir, DATABASE_FILE_NAME);
    const db = new Database(path);
    const broken: Migration = {
      version: NEWEST + 1,
      description: 'half a change',
      up: (target) => {
        target.exec('CREATE TABLE half_done (x)');
        target.exec('INSERT INTO no_such_table VALUES (1)');
      },
    };
    const error = (() => {
      try {
        migrate(db, [...MIGRATIONS, broken], path);
        return undefined;
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toMatchObject({ code: 'STORE_OPEN_FAILED' });
    expect((error as Error).message).toMatch(new RegExp(`to version ${NEWEST + 1} \\(half a change\\) failed: no such table: no_such_table`));
    expect(schemaVersion(db)).toBe(NEWEST);
    expect(tables(db)).not.toContain('half_done');
    db.close();
  });
});
