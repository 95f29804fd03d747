import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME, DEFAULT_CACHE_TTL_MS } from '../../src/store/index.js';
import { SUITE_RUNS_OF_SUITE_SQL } from '../../src/store/suite-run-rows.js';
import { requestHash as hashResolvedRequest } from '../../src/spec/index.js';
import { removeTempDirs } from '../helpers/temp-dir.js';
import { answer, newRun, newSuiteRun } from './helpers/records.js';
import { closeStores, openTestStore } from './helpers/open-store.js';

afterEach(async () => {
  await closeStores();
  await removeTempDirs();
});

describe('suite runs: plan and case states', () => {
  it('stores the plan and every case in one go, and gives the plan back for a resume', async () => {
    const { store } = await openTestStore();
    const plan = newSuiteRun(['a', 'b', 'a']);
    const created = await store.createSuiteRun(plan);
    expect(created).toMatchObject({ status: 'running', total: 3, done: 0, passed: 0, failed: 0, errors: 0, concurrency: 4, cache: false, finished_at: null });
    expect(created.suite).toEqual({ id: 'geo', name: 'Geography', version: '1' });
    expect(created.cases.map((entry) => [entry.index, entry.name, entry.state])).toEqual([[0, 'a', 'pending'], [1, 'b', 'pending'], [2, 'a', 'pending']]);
    const stored = await store.getSuiteRunPlan(created.id);
    expect(stored).toMatchObject({ id: created.id, definition: plan.definition, cancel_requested: false });
    expect(stored?.cases[1]).toEqual({ index: 1, ...plan.cases[1], state: 'pending', attempts: 0 });
    expect(await store.getSuiteRun('0000000000000000aaaaaaaa')).toBeUndefined();
  });

  it('claims a case to run: pending and in-flight ones yes (attempts counted), ended ones and finished runs no', async () => {
    const { store } = await openTestStore();
    const { id } = await store.createSuiteRun(newSuiteRun(['a', 'b']));
    expect(await store.markCaseRunning(id, 0)).toBe(true);
    expect(await store.markCaseRunning(id, 0)).toBe(true); // a resume after a crash mid-case runs it again
    expect((await store.getSuiteRunPlan(id))?.cases[0]).toMatchObject({ state: 'running', attempts: 2 });
    const recorded = await store.recordCaseResult(id, 0, newRun({ name: 'a' }));
    // The case a write returns is the case as stored.
    expect(recorded.case).toEqual((await store.getSuiteRun(id))?.cases[0]);
    expect(await store.markCaseRunning(id, 0)).toBe(false);
    await store.requestCancel(id);
    await store.finishSuiteRun(id);
    expect(await store.markCaseRunning(id, 1)).toBe(false);
    await expect(store.markCaseRunning(id, 9)).rejects.toMatchObject({ code: 'SUITE_RUN_NOT_FOUND' });
    await expect(store.markCaseRunning('0000000000000000aaaaaaaa', 0)).rejects.toMatchObject({ code: 'SUITE_RUN_NOT_FOUND' });
  });

  it('records a case result once: the run row and the case state together; a second write returns the first and changes nothing', async () => {
    const { store } = await openTestStore();
    const { id } = await store.createSuiteRun(newSuiteRun(['a', 'b']));
    const [first, second] = await Promise.all([
      store.recordCaseResult(id, 0, newRun({ name: 'a', success: false, output: 'first' })),
      store.recordCaseResult(id, 0, newRun({ name: 'a', success: true, output: 'second' })),
    ]);
    expect(first).toMatchObject({ written: true, case: { index: 0, state: 'failed' }, run: { output: 'first', suite_run_id: id, case_index: 0 } });
    expect(first.case.run_id).toBe(first.run?.id);
    expect(second).toEqual({ written: false, case: first.case, run: first.run });
    expect((await store.listRuns({ suite_run_id: id }, { limit: 10 })).runs).toHaveLength(1);
    const suiteRun = await store.getSuiteRun(id);
    expect(suiteRun).toMatchObject({ done: 1, failed: 1, passed: 0 });
    expect(await store.recordCaseError(id, 0, { code: 'UPSTREAM_ERROR', message: 'late' })).toMatchObject({ written: false, case: { state: 'failed' } });
  });

  it('enforces one result per (suite run, case index) in the schema itself', async () => {
    const { store, dataDir } = await openTestStore();
    const { id } = await store.createSuiteRun(newSuiteRun(['a']));
    await store.recordCaseResult(id, 0, newRun({ name: 'a' }));
    await store.close();
    const raw = new Database(join(dataDir, DATABASE_FILE_NAME));
    const insert = () =>
      raw.prepare("INSERT INTO runs (id, name, suite_run_id, case_index, provider, model, passed, started_at, record) VALUES ('0000000000000000bbbbbbbb', 'a', ?, 0, 'anthropic', 'm', 1, 'x', '{}')").run(id);
    expect(insert).toThrow(/UNIQUE constraint failed: runs.suite_run_id, runs.case_index/);
    raw.close();
  });

  it('ends a case in error (first write wins) and counts it', async () => {
    const { store } = await openTestStore();
    const { id } = await store.createSuiteRun(newSuiteRun(['a', 'b']));
    const errored = await store.recordCaseError(id, 1, { code: 'UPSTREAM_ERROR', message: 'overloaded after 3 retries' });
    expect(errored).toEqual({ written: true, case: { index: 1, name: 'b', state: 'error', run_id: null, error: { code: 'UPSTREAM_ERROR', message: 'overloaded after 3 retries' } }, run: null });
    expect(errored.case).toEqual((await store.getSuiteRun(id))?.cases[1]);
    expect(await store.recordCaseResult(id, 1, newRun({ name: 'b' }))).toMatchObject({ written: false, run: null, case: { state: 'error' } });
    expect(await store.getSuiteRun(id)).toMatchObject({ done: 1, errors: 1 });
  });

  it('completes a run only when every case ended; a cancel is durable and finishes it as cancelled', async () => {
    const { store, dataDir } = await openTestStore();
    const done = await store.createSuiteRun(newSuiteRun(['a']));
    await expect(store.finishSuiteRun(done.id)).rejects.toThrow(/1 of its 1 cases have not ended/);
    await store.recordCaseResult(done.id, 0, newRun({ name: 'a' }));
    expect(await store.finishSuiteRun(done.id)).toMatchObject({ status: 'completed', done: 1, passed: 1 });
    expect((await store.finishSuiteRun(done.id)).status).toBe('completed');

    const cancelled = await store.createSuiteRun(newSuiteRun(['a', 'b']));
    await store.markCaseRunning(cancelled.id, 0);
    expect((await store.requestCancel(cancelled.id)).status).toBe('running');
    await store.close();
    const reopened = (await openTestStore({ dataDir })).store;
    expect((await reopened.getSuiteRunPlan(cancelled.id))?.cancel_requested).toBe(true);
    const finished = await reopened.finishSuiteRun(cancelled.id);
    expect(finished).toMatchObject({ status: 'cancelled', done: 0 });
    expect(finished.finished_at).not.toBeNull();
    expect(finished.cases.map((entry) => entry.state)).toEqual(['pending', 'pending']);
  });

  it('lists suite runs newest first by cursor, and the unfinished ones (to resume) oldest first', async () => {
    const { store } = await openTestStore();
    const ids: string[] = [];
    for (const name of ['one', 'two', 'three']) ids.push((await store.createSuiteRun(newSuiteRun([name]))).id);
    await store.recordCaseResult(ids[1] as string, 0, newRun({ name: 'two' }));
    await store.finishSuiteRun(ids[1] as string);
    const first = await store.listSuiteRuns({ limit: 2 });
    expect(first.suite_runs.map((run) => run.id)).toEqual([ids[2], ids[1]]);
    expect(first.suite_runs[1]).toMatchObject({ status: 'completed', total: 1, done: 1, passed: 1 });
    expect(first.suite_runs[0]).not.toHaveProperty('cases');
    const second = await store.listSuiteRuns({ limit: 2, cursor: first.next_cursor as string });
    expect(second).toMatchObject({ next_cursor: null });
    expect(second.suite_runs.map((run) => run.id)).toEqual([ids[0]]);
    expect((await store.listUnfinishedSuiteRuns()).map((run) => run.id)).toEqual([ids[0], ids[2]]);
  });

  it("lists one library suite's runs (cursor too) through the index on (suite_id, seq), with no sort", async () => {
    const { store, dataDir } = await openTestStore();
    const of = async (id: string | null) => (await store.createSuiteRun(newSuiteRun(['a'], { suite: { id, name: 'S', version: null } }))).id;
    const geo = [await of('geo'), await of('other'), await of(null), await of('geo'), await of('geo')].filter((_id, index) => [0, 3, 4].includes(index));
    const first = await store.listSuiteRuns({ limit: 2 }, { suite_id: 'geo' });
    expect(first.suite_runs.map((run) => run.id)).toEqual([geo[2], geo[1]]);
    const rest = await store.listSuiteRuns({ limit: 2, cursor: first.next_cursor as string }, { suite_id: 'geo' });
    expect(rest).toMatchObject({ next_cursor: null, suite_runs: [{ id: geo[0] }] });
    await store.close();
    const raw = new Database(join(dataDir, DATABASE_FILE_NAME), { readonly: true });
    for (const [sql, params] of [[SUITE_RUNS_OF_SUITE_SQL.first, ['geo', 3]], [SUITE_RUNS_OF_SUITE_SQL.next, ['geo', 10, 3]]] as const) {
      const plan = raw.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params).map((row) => (row as { detail: string }).detail);
      expect(plan).toHaveLength(1);
      expect(plan[0]).toMatch(/^SEARCH suite_runs USING INDEX suite_runs_by_suite \(suite_id=\?/);
    }
    raw.close();
  });
});

describe('the answer store: journal per case, cache per request', () => {
  const request = { provider: 'anthropic' as const, model: 'claude-test-1', messages: [{ role: 'user' as const, content: 'q' }], max_tokens: 64 };

  it('hashes the resolved request canonically: key order and undefined fields do not matter, any value does', () => {
    const reordered = { max_tokens: 64, messages: [{ content: 'q', role: 'user' as const }], model: 'claude-test-1', provider: 'anthropic' as const, temperature: undefined };
    expect(hashResolvedRequest(reordered)).toBe(hashResolvedRequest(request));
    expect(hashResolvedRequest({ ...request, max_tokens: 65 })).not.toBe(hashResolvedRequest(request));
    expect(hashResolvedRequest({ ...request, temperature: 0 })).not.toBe(hashResolvedRequest(request));
    expect(hashResolvedRequest(request)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('journals an answer for its case only: the same request in another case of the suite is another sample', async () => {
    const { store } = await openTestStore();
    const { id } = await store.createSuiteRun(newSuiteRun(['same', 'same']));
    const requestHash = hashResolvedRequest(request);
    await store.putAnswer({ requestHash, answer: answer('for case 0'), case: { suiteRunId: id, index: 0 } });
    expect(await store.findAnswer({ requestHash, case: { suiteRunId: id, index: 0 } })).toMatchObject({ source: 'journal', answer: { output: 'for case 0' } });
    expect(await store.findAnswer({ requestHash, case: { suiteRunId: id, index: 1 } })).toBeUndefined();
    expect(await store.findAnswer({ requestHash, case: { suiteRunId: id, index: 1 }, cache: true })).toBeUndefined();
    expect(await store.findAnswer({ requestHash: 'another request', case: { suiteRunId: id, index: 0 } })).toBeUndefined();
  });

  it('drops a case journal entry in the same transaction that records the case', async () => {
    const { store } = await openTestStore();
    const { id } = await store.createSuiteRun(newSuiteRun(['a']));
    const ref = { suiteRunId: id, index: 0 };
    await store.putAnswer({ requestHash: 'h', answer: answer(), case: ref });
    await store.recordCaseResult(id, 0, newRun({ name: 'a', answer_source: 'resumed' }));
    expect(await store.findAnswer({ requestHash: 'h', case: ref })).toBeUndefined();
  });

  it('serves a cached answer to any later request with that hash until it expires, never after', async () => {
    let now = Date.parse('2026-11-22T03:00:00.000Z');
    const { store, dataDir } = await openTestStore({ now: () => now });
    const requestHash = hashResolvedRequest(request);
    await store.putAnswer({ requestHash, answer: answer('cached'), cacheTtlMs: DEFAULT_CACHE_TTL_MS });
    expect(await store.findAnswer({ requestHash })).toBeUndefined(); // the cache is opt-in per lookup
    expect(await store.findAnswer({ requestHash, cache: true })).toEqual({ source: 'cache', answer: answer('cached'), stored_at: '2026-11-22T03:00:00.000Z' });
    const { id } = await store.createSuiteRun(newSuiteRun(['a']));
    expect(await store.findAnswer({ requestHash, case: { suiteRunId: id, index: 0 }, cache: true })).toMatchObject({ source: 'cache' });
    now += DEFAULT_CACHE_TTL_MS - 1;
    expect(await store.findAnswer({ requestHash, cache: true })).toMatchObject({ source: 'cache' });
    now += 1;
    expect(await store.findAnswer({ requestHash, cache: true })).toBeUndefined();
    await store.close();
    const reopened = await openTestStore({ dataDir, now: () => now });
    expect(reopened.stats.expiredCacheEntries).toBe(1);
  });

  it('takes only answers: an entry without an answer, or with neither a case nor a ttl, is refused', async () => {
    const { store } = await openTestStore();
    await expect(store.putAnswer({ requestHash: 'h', answer: answer() })).rejects.toThrow(TypeError);
    await expect(store.putAnswer({ requestHash: 'h', answer: { error: 'overloaded' } as never, cacheTtlMs: 1000 })).rejects.toThrow(/errors are never stored/);
    await expect(store.putAnswer({ requestHash: 'h', answer: answer(), cacheTtlMs: 0 })).rejects.toThrow(RangeError);
    await expect(store.putAnswer({ requestHash: 'h', answer: answer(), case: { suiteRunId: '0000000000000000aaaaaaaa', index: 0 } })).rejects.toMatchObject({ code: 'SUITE_RUN_NOT_FOUND' });
  });
});
