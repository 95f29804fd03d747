import { afterEach, describe, expect, it } from 'vitest';
import { AUTH, closeFixtures, spec, startAppFixture } from './helpers/app-fixture.js';
import { removeTempDirs } from './helpers/temp-dir.js';

afterEach(async () => {
  await closeFixtures();
  await removeTempDirs();
});

async function executeMany(app: Awaited<ReturnType<typeof startAppFixture>>['app'], count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const payload = { test_spec: spec({ name: `run-${index}` }) };
    const response = await app.inject({ method: 'POST', url: '/api/execution/execute', headers: AUTH, payload });
    ids.push(response.json().result.id as string);
  }
  return ids;
}

describe('GET /api/runs and /api/runs/:id', () => {
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
    expect(response.json().error).toMatchObject({ code: 'RUN_NOT_FOUND', id: '0000000000000000aaaaaaaa' });
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
    { url: '/api/runs?sort=asc', field: 'querystring.sort' },
  ])('answers 400 naming $field for $url', async ({ url, field }) => {
    const { app } = await startAppFixture();
    const response = await app.inject({ method: 'GET', url, headers: AUTH });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'VALIDATION_ERROR', field });
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
