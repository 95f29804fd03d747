import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WriteQueue } from '../../src/store/write-queue.js';
import { makeTempDir, removeTempDirs } from '../helpers/temp-dir.js';
import { newRun, newSuiteRun } from './helpers/records.js';
import { closeStores, openTestStore } from './helpers/open-store.js';

const databases: Database.Database[] = [];

afterEach(async () => {
  for (const db of databases.splice(0)) db.close();
  await closeStores();
  await removeTempDirs();
});

/** A WAL database with one table, and a count of the transactions begun on it. */
async function countedDatabase(): Promise<{ db: Database.Database; path: string; transactions: () => number }> {
  const path = join(await makeTempDir(), 'queue.db');
  const db = new Database(path);
  databases.push(db);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE t (x INTEGER NOT NULL UNIQUE)');
  let begun = 0;
  const exec = db.exec.bind(db);
  db.exec = (sql: string) => {
    if (sql.startsWith('BEGIN')) begun += 1;
    return exec(sql);
  };
  return { db, path, transactions: () => begun };
}

describe('WriteQueue (group commit)', () => {
  it('commits the writes queued in one turn of the event loop in one transaction, resolving each after the commit', async () => {
    const { db, path, transactions } = await countedDatabase();
    const queue = new WriteQueue(db, path);
    const insert = db.prepare('INSERT INTO t (x) VALUES (?)');
    const results = await Promise.all(Array.from({ length: 20 }, (_unused, x) => queue.write(() => insert.run(x).changes)));
    expect(results).toEqual(Array(20).fill(1));
    expect(transactions()).toBe(1);
    await queue.write(() => insert.run(20));
    expect(transactions()).toBe(2);
    expect(db.prepare('SELECT count(*) FROM t').pluck().get()).toBe(21);
  });

  it('undoes a write that fails alone (its savepoint) and still commits the others of its batch', async () => {
    const { db, path } = await countedDatabase();
    const queue = new WriteQueue(db, path);
    const insert = db.prepare('INSERT INTO t (x) VALUES (?)');
    const outcomes = await Promise.allSettled([queue.write(() => insert.run(1)), queue.write(() => { insert.run(2); insert.run(1); }), queue.write(() => insert.run(3))]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason.message).toMatch(/UNIQUE constraint failed/);
    expect(db.prepare('SELECT x FROM t ORDER BY x').pluck().all()).toEqual([1, 3]);
  });

  it('commits what is queued when closed, then refuses writes with HISTORY_WRITE_FAILED', async () => {
    const { db, path } = await countedDatabase();
    const queue = new WriteQueue(db, path);
    const pending = queue.write(() => db.prepare('INSERT INTO t (x) VALUES (7)').run().changes);
    queue.close();
    expect(await pending).toBe(1);
    await expect(queue.write(() => 1)).rejects.toMatchObject({ code: 'HISTORY_WRITE_FAILED', message: expect.stringContaining('the store is closed') });
  });

  it('keeps one failing store call from affecting another in the same batch', async () => {
    const { store } = await openTestStore();
    const [good, bad] = await Promise.allSettled([store.insertRun(newRun()), store.recordCaseResult('0000000000000000aaaaaaaa', 0, newRun())]);
    expect(good.status).toBe('fulfilled');
    expect(bad).toMatchObject({ status: 'rejected', reason: { code: 'SUITE_RUN_NOT_FOUND' } });
    const suiteRun = await store.createSuiteRun(newSuiteRun(['a']));
    expect(suiteRun.total).toBe(1);
  });
});
