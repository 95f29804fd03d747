import { afterEach, describe, expect, it } from 'vitest';
import { AUTH, closeFixtures, startAppFixture } from '../helpers/app-fixture.js';
import { removeTempDirs } from '../helpers/temp-dir.js';

afterEach(async () => {
  await closeFixtures();
  await removeTempDirs();
});

const yaml = `name: Capital
model: claude-sonnet-4-6
inputs:
  query: What is the capital of France?
assertions:
  - must_contain: Stub reply
`;

describe('POST /api/tests/:id/run', () => {
  it('runs the library test and records the run under its test id, so its history can be listed', async () => {
    const { app, stub } = await startAppFixture();
    const created = await app.inject({ method: 'POST', url: '/api/tests?id=capital', headers: { ...AUTH, 'content-type': 'application/yaml' }, payload: yaml });
    expect(created.statusCode).toBe(201);
    const ran = await app.inject({ method: 'POST', url: '/api/tests/capital/run', headers: AUTH });
    expect(ran.statusCode).toBe(200);
    const { result } = ran.json() as { result: { id: string; test_id: string; success: boolean; spec: { name: string } } };
    expect(result).toMatchObject({ test_id: 'capital', success: true, spec: { name: 'Capital' } });
    expect(stub.requests.filter((request) => request.method === 'POST')).toHaveLength(1);
    const listed = await app.inject({ method: 'GET', url: '/api/runs?test_id=capital', headers: AUTH });
    expect((listed.json() as { runs: { id: string }[] }).runs.map((run) => run.id)).toEqual([result.id]);
  });

  it('answers TEST_NOT_FOUND for an unknown test, without a model call', async () => {
    const { app, stub } = await startAppFixture();
    const response = await app.inject({ method: 'POST', url: '/api/tests/nope/run', headers: AUTH });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: { code: 'TEST_NOT_FOUND' } });
    expect(stub.requests).toHaveLength(0);
  });
});
