import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunFilter } from '../../src/contract/run.js';
import { DATABASE_FILE_NAME, isRunId, type HistoryStore } from '../../src/store/index.js';
import { listRunsSql } from '../../src/store/list-runs.js';
import { removeTempDirs } from '../helpers/temp-dir.js';
import { newRun } from './helpers/records.js';
import { closeStores, openTestStore } from './helpers/open-store.js';

afterEach(async () => {
  await closeStores();
  await removeTempDirs();
});

/** Every page of a listing, followed through next_cursor. */
async function allPages(store: HistoryStore, filter: RunFilter, limit: number): Promise<{ names: string[]; pages: number }> {
  const names: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await store.listRuns(filter, { limit, ...(cursor === undefined ? {} : { cursor }) });
    names.push(...page.runs.map((run) => run.name));
    cursor = page.next_cursor ?? undefined;
    pages += 1;
  } while (cursor !== undefined);
  return { names, pages };
}

describe('runs in the SQLite store', () => {
  it('stores the whole record and gives it back with a fresh id and saved: true', async () => {
    const { store } = await openTestStore();
    const input = newRun({ tags: ['geo', 'smoke'], notes: ['seed is not supported by Anthropic and was ignored'] });
    const stored = await store.insertRun(input);
    expect(isRunId(stored.id)).toBe(true);
    expect(stored).toEqual({ id: stored.id, ...input, saved: true });
    expect(await store.getRun(stored.id)).toEqual(stored);
    expect(await store.getRun('0000000000000000aaaaaaaa')).toBeUndefined();
  });

  it('refuses a suite case through insertRun (recordCaseResult is its one way in)', async () => {
    const { store } = await openTestStore();
    await expect(store.insertRun(newRun({ suite_run_id: '0000000000000000aaaaaaaa', case_index: 0 }))).rejects.toThrow(/recordCaseResult/);
  });

  it('filters by test, tag, model and pass/fail (combined with AND), newest first, across cursor pages', async () => {
    const { store } = await openTestStore();
    const rows = [
      { name: 'r0', test_id: 'capital', model: 'claude-a', success: true, tags: ['geo'] },
      { name: 'r1', test_id: 'capital', model: 'claude-b', success: false, tags: ['geo', 'smoke'] },
      { name: 'r2', test_id: 'json', model: 'claude-a', success: true, tags: ['smoke'] },
      { name: 'r3', test_id: null, model: 'gpt-x', success: false, tags: [] },
      { name: 'r4', test_id: 'capital', model: 'claude-a', success: false, tags: ['geo'] },
      { name: 'r5', test_id: 'capital', model: 'claude-a', success: true, tags: ['geo', 'geo'] },
    ];
    for (const row of rows) await store.insertRun(newRun(row));
    const cases: Array<[RunFilter, string[]]> = [
      [{}, ['r5', 'r4', 'r3', 'r2', 'r1', 'r0']],
      [{ test_id: 'capital' }, ['r5', 'r4', 'r1', 'r0']],
      [{ tag: 'geo' }, ['r5', 'r4', 'r1', 'r0']],
      [{ tag: 'smoke' }, ['r2', 'r1']],
      [{ model: 'claude-a' }, ['r5', 'r4', 'r2', 'r0']],
      [{ passed: true }, ['r5', 'r2', 'r0']],
      [{ passed: false }, ['r4', 'r3', 'r1']],
      [{ test_id: 'capital', passed: false }, ['r4', 'r1']],
      [{ tag: 'geo', model: 'claude-a', passed: true }, ['r5', 'r0']],
      [{ test_id: 'nothing-here' }, []],
    ];
    for (const [filter, expected] of cases) {
      for (const limit of [1, 2, 10]) {
        const { names, pages } = await allPages(store, filter, limit);
        expect({ filter, limit, names }).toEqual({ filter, limit, names: expected });
        expect(pages).toBe(Math.max(1, Math.ceil(expected.length / limit)));
      }
    }
  });

  it('filters by suite run (the runs recorded for its cases)', async () => {
    const { store } = await openTestStore();
    const { newSuiteRun } = await import('./helpers/records.js');
    const suiteRun = await store.createSuiteRun(newSuiteRun(['a', 'b']));
    await store.insertRun(newRun({ name: 'outside' }));
    await store.recordCaseResult(suiteRun.id, 1, newRun({ name: 'b' }));
    await store.recordCaseResult(suiteRun.id, 0, newRun({ name: 'a' }));
    expect((await allPages(store, { suite_run_id: suiteRun.id }, 1)).names).toEqual(['a', 'b']);
  });

  it('orders by its own insertion sequence: a stored run with the largest possible id changes nothing', async () => {
    const { store, dataDir, stats } = await openTestStore();
    await store.insertRun(newRun({ name: 'before' }));
    await store.close();
    const raw = new Database(join(dataDir, DATABASE_FILE_NAME));
    raw.prepare("INSERT INTO runs (id, name, provider, model, passed, started_at, record) VALUES ('ffffffffffffffffffffffff', 'planted', 'anthropic', 'm', 1, 'x', ?)")
      .run(JSON.stringify(newRun({ name: 'planted' })));
    raw.close();
    const reopened = (await openTestStore({ dataDir })).store;
    const after = await reopened.insertRun(newRun({ name: 'after' }));
    expect(after.id < 'ffffffffffffffffffffffff').toBe(true);
    expect(await reopened.getRun(after.id)).toMatchObject({ name: 'after' });
    expect((await allPages(reopened, {}, 1)).names).toEqual(['after', 'planted', 'before']);
    expect(stats.path).toBe(join(dataDir, DATABASE_FILE_NAME));
  });

  it('keeps storing and finding runs after a row with the largest possible seq was planted (SQLite then picks free seqs)', async () => {
    const { store, dataDir } = await openTestStore();
    await store.close();
    const raw = new Database(join(dataDir, DATABASE_FILE_NAME));
    raw.prepare("INSERT INTO runs (seq, id, name, provider, model, passed, started_at, record) VALUES (9223372036854775807, 'ffffffffffffffffffffffff', 'planted', 'anthropic', 'm', 1, 'x', ?)")
      .run(JSON.stringify(newRun({ name: 'planted' })));
    raw.close();
    const reopened = (await openTestStore({ dataDir })).store;
    const stored = await Promise.all(['x', 'y', 'z'].map((name) => reopened.insertRun(newRun({ name }))));
    for (const run of stored) expect(await reopened.getRun(run.id)).toMatchObject({ name: run.name, saved: true });
    const { names } = await allPages(reopened, {}, 1);
    expect(names[0]).toBe('planted');
    expect([...names].sort()).toEqual(['planted', 'x', 'y', 'z']);
  });

  it('refuses a bad page request as a programming error', async () => {
    const { store } = await openTestStore();
    await expect(store.listRuns({}, { limit: 0 })).rejects.toThrow(RangeError);
    await expect(store.listRuns({}, { limit: 201 })).rejects.toThrow(RangeError);
    await expect(store.listRuns({}, { limit: 5, cursor: '9223372036854775808' })).rejects.toThrow(/cursor/);
  });
});

describe('EXPLAIN QUERY PLAN of every listing', () => {
  /** Each filter combination and the index that must drive its read. */
  const plans: Array<[RunFilter, RegExp]> = [
    [{}, /^SCAN r$|^SEARCH r USING INTEGER PRIMARY KEY \(rowid<\?\)$/],
    [{ test_id: 't' }, /^SEARCH r USING INDEX runs_by_test \(test_id=\?/],
    [{ suite_run_id: 's' }, /^SEARCH r USING INDEX runs_by_suite_run \(suite_run_id=\?/],
    [{ model: 'm' }, /^SEARCH r USING INDEX runs_by_model \(model=\?/],
    [{ passed: true }, /^SEARCH r USING INDEX runs_by_passed \(passed=\?/],
    [{ test_id: 't', passed: false }, /^SEARCH r USING INDEX runs_by_test \(test_id=\?/],
    [{ model: 'm', passed: false }, /^SEARCH r USING INDEX runs_by_model \(model=\?/],
    [{ suite_run_id: 's', test_id: 't', model: 'm' }, /^SEARCH r USING INDEX runs_by_suite_run \(suite_run_id=\?/],
    [{ tag: 'g' }, /^SEARCH t USING PRIMARY KEY \(tag=\?/],
    [{ tag: 'g', test_id: 't', model: 'm', passed: true }, /^SEARCH t USING PRIMARY KEY \(tag=\?/],
  ];

  it.each(plans.flatMap(([filter, index]) => [true, false].map((withCursor) => ({ filter, index, withCursor }))))(
    'reads $filter (cursor: $withCursor) through the right index, with no sort',
    async ({ filter, index, withCursor }) => {
      const { store, dataDir } = await openTestStore();
      // The store never runs ANALYZE: these are the plans it always gets.
      await Promise.all(Array.from({ length: 20 }, (_unused, count) => store.insertRun(newRun({ test_id: 't', model: 'm', tags: ['g'], success: count % 2 === 0 }))));
      await store.close();
      const raw = new Database(join(dataDir, DATABASE_FILE_NAME), { readonly: true });
      const params: Record<string, unknown> = { limit: 51, tag: 'g', test_id: 't', suite_run_id: 's', model: 'm', passed: 1, cursor: 10 };
      const sql = listRunsSql(filter, withCursor);
      const used = Object.fromEntries(Object.entries(params).filter(([key]) => sql.includes(`@${key}`)));
      const plan = raw.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(used).map((row) => (row as { detail: string }).detail);
      raw.close();
      expect(plan.join('\n')).not.toMatch(/TEMP B-TREE/);
      expect(plan[0]).toMatch(index);
      if (withCursor) expect(plan[0]).toMatch(/(seq|rowid|run_seq)<\?/);
      if (filter.tag !== undefined) expect(plan[1]).toBe('SEARCH r USING INTEGER PRIMARY KEY (rowid=?)');
      expect(plan).toHaveLength(filter.tag === undefined ? 1 : 2);
    },
  );
});
