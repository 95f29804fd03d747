import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/index.js';
import { AUTH, closeFixtures, spec, startAppFixture } from '../helpers/app-fixture.js';
import { makeTempDir, removeTempDirs } from '../helpers/temp-dir.js';
import { newRun } from './helpers/records.js';

afterEach(async () => {
  await closeFixtures();
  await removeTempDirs();
});

type App = Awaited<ReturnType<typeof startAppFixture>>['app'];

async function executeMany(app: App, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const payload = { test_spec: spec({ name: `run-${index}` }) };
    const response = await app.inject({ method: 'POST', url: '/api/execution/execute', headers: AUTH, payload });
    ids.push(response.json().result.id as string);
  }
  return ids;
}

/** An app over a data dir that already holds these runs (inserted through the store, in order). */
async function appWithRuns(runs: ReadonlyArray<Parameters<typeof newRun>[0]>): Promise<{ app: App; ids: string[] }> {
  const dataDir = await makeTempDir();
  const { store } = await openSqliteStore({ dataDir });
  const ids: string[] = [];
  for (const overrides of runs) ids.push((await store.insertRun(newRun(overrides))).id);
  await store.close();
  return { app: (await startAppFixture({ dataDir })).app, ids };
}

async function names(app: App, query: string): Promise<string[]> {
  const response = await app.inject({ method: 'GET', url: `/api/runs?${query}`, headers: AUTH });
  expect(response.statusCode).toBe(200);
  return response.json().runs.map((run: { name: string }) => run.name);
}

describe('GET /api/runs', () => {
  it('lists runs newest first in pages linked by next_cursor', async () => {
    const { app } = await startAppFixture();
    const ids = await executeMany(app, 5);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = cursor === null ? '/api/runs?limit=2' : `/api/runs?limit=2&cursor=${cursor}`;
      const page = (await app.inject({ method: 'GET', url, headers: AUTH })).json();
      seen.push(...page.runs.map((run: { id: string }) => run.id));
      cursor = page.next_cursor;
      pages += 1;
    } while (cursor !== null);
    expect(pages).toBe(3);
    expect(seen).toEqual([...ids].reverse());
  });

  it('filters by test_id, tag, model and passed, combined', async () => {
    const { app } = await appWithRuns([
      { name: 'a', test_id: 'capital', tags: ['geo'], model: 'claude-a', success: true },
      { name: 'b', test_id: 'capital', tags: ['smoke'], model: 'claude-b', success: false },
      { name: 'c', test_id: 'json', tags: ['geo'], model: 'claude-a', success: false },
    ]);
    expect(await names(app, 'test_id=capital')).toEqual(['b', 'a']);
    expect(await names(app, 'tag=geo')).toEqual(['c', 'a']);
    expect(await names(app, 'model=claude-a')).toEqual(['c', 'a']);
    expect(await names(app, 'passed=false')).toEqual(['c', 'b']);
    expect(await names(app, 'passed=true&tag=geo')).toEqual(['a']);
    expect(await names(app, 'test_id=capital&model=claude-a&passed=false')).toEqual([]);
    expect(await names(app, `suite_run_id=${'0'.repeat(24)}`)).toEqual([]);
  });

  it.each([
    { url: '/api/runs/..%2f..%2fetc%2fpasswd', field: 'params.id' },
    { url: '/api/runs/short', field: 'params.id' },
    { url: '/api/runs/%zz', field: 'url' },
    { url: '/api/runs?limit=1&limit=2', field: 'querystring.limit' },
    { url: '/api/runs?limit=0', field: 'querystring.limit' },
    { url: '/api/runs?limit=abc', field: 'querystring.limit' },
    { url: '/api/runs?limit=201', field: 'querystring.limit' },
    { url: '/api/runs?cursor=nope', field: 'querystring.cursor' },
    { url: '/api/runs?cursor=9999999999999999999', field: 'querystring.cursor' },
    { url: '/api/runs?passed=yes', field: 'querystring.passed' },
    { url: '/api/runs?test_id=Not%20An%20Id', field: 'querystring.test_id' },
    { url: '/api/runs?suite_run_id=xyz', field: 'querystring.suite_run_id' },
    { url: '/api/runs?tag=', field: 'querystring.tag' },
    { url: '/api/runs?sort=asc', field: 'querystring.sort' },
    { url: '/api/runs/compare?base=0000000000000000aaaaaaaa', field: 'querystring.head' },
    { url: '/api/runs/compare?base=x&head=0000000000000000aaaaaaaa', field: 'querystring.base' },
    { url: '/api/runs/compare?base=0000000000000000aaaaaaaa&head=0000000000000000aaaaaaaa&extra=1', field: 'querystring.extra' },
  ])('answers 400 naming $field for $url', async ({ url, field }) => {
    const { app } = await startAppFixture();
    const response = await app.inject({ method: 'GET', url, headers: AUTH });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'VALIDATION_ERROR', field });
  });
});

describe('GET /api/runs/:id', () => {
  it('gets one run by id, equal to the execute result', async () => {
    const { app } = await startAppFixture();
    const payload = { test_spec: spec() };
    const executed = (await app.inject({ method: 'POST', url: '/api/execution/execute', headers: AUTH, payload })).json().result;
    const response = await app.inject({ method: 'GET', url: `/api/runs/${executed.id}`, headers: AUTH });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ run: executed });
  });

  it('answers 404 RUN_NOT_FOUND for a well-formed unknown id', async () => {
    const { app } = await startAppFixture();
    const response = await app.inject({ method: 'GET', url: '/api/runs/0000000000000000aaaaaaaa', headers: AUTH });
    expect(response.statusCode).toBe(404);
    expect(response.json().error).toMatchObject({ code: 'RUN_NOT_FOUND', id: '0000000000000000aaaaaaaa', field: 'params.id' });
  });

  it('keeps the history across app restarts on the same data dir', async () => {
    const first = await startAppFixture();
    const [id] = await executeMany(first.app, 1);
    await first.app.close();
    const second = await startAppFixture({ dataDir: first.dataDir });
    const response = await second.app.inject({ method: 'GET', url: `/api/runs/${id}`, headers: AUTH });
    expect(response.statusCode).toBe(200);
  });
});

describe('GET /api/runs/compare', () => {
  it('compares two runs of one test: regressions, metric deltas and the output diff', async () => {
    const { app, ids } = await appWithRuns([
      { name: 'capital', test_id: 'capital', output: 'Paris\n', latency_ms: 100 },
      { name: 'capital', test_id: 'capital', output: 'Lyon\n', latency_ms: 150, success: false, assertions: [{ kind: 'must_contain', expected: 'Paris', actual: null, passed: false, message: 'no' }] },
    ]);
    const response = await app.inject({ method: 'GET', url: `/api/runs/compare?base=${ids[0]}&head=${ids[1]}`, headers: AUTH });
    expect(response.statusCode).toBe(200);
    const { comparison } = response.json();
    expect(comparison.base.id).toBe(ids[0]);
    expect(comparison.regressions).toEqual([{ index: 0, kind: 'must_contain', expected: 'Paris', base_passed: true, head_passed: false, change: 'regression' }]);
    expect(comparison.latency_ms).toMatchObject({ base: 100, head: 150, delta: 50, ratio: 0.5, flagged: true });
    expect(comparison.output_diff).toEqual([{ op: 'removed', text: 'Paris' }, { op: 'added', text: 'Lyon' }]);
    expect(comparison.regressed).toBe(true);
  });

  it('answers 400 COMPARE_MISMATCH for runs of different tests, and 404 naming the missing side', async () => {
    const { app, ids } = await appWithRuns([{ test_id: 'capital' }, { test_id: 'json' }]);
    const mismatch = await app.inject({ method: 'GET', url: `/api/runs/compare?base=${ids[0]}&head=${ids[1]}`, headers: AUTH });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().error).toMatchObject({ code: 'COMPARE_MISMATCH', base: 'capital', head: 'json' });
    const missing = await app.inject({ method: 'GET', url: `/api/runs/compare?base=${ids[0]}&head=0000000000000000aaaaaaaa`, headers: AUTH });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toMatchObject({ code: 'RUN_NOT_FOUND', id: '0000000000000000aaaaaaaa', field: 'querystring.head' });
  });
});
