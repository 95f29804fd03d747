import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME } from '../../src/store/index.js';
import { AUTH, closeFixtures, spec, startAppFixture } from '../helpers/app-fixture.js';
import { removeTempDirs } from '../helpers/temp-dir.js';

const immutable: string[] = [];

afterEach(async () => {
  if (immutable.length > 0) execFileSync('chattr', ['-i', ...immutable.splice(0)]);
  await closeFixtures();
  await removeTempDirs();
});

describe('an execute whose run cannot be written', () => {
  it('still answers 200 with the paid-for answer, saved: false and a note saying why; the history is untouched', async () => {
    const { app, stub, dataDir } = await startAppFixture();
    const saved = await app.inject({ method: 'POST', url: '/api/execution/execute', headers: AUTH, payload: { test_spec: spec() } });
    expect(saved.json().result.saved).toBe(true);
    // Writes through the open database then fail with EPERM, even for root: the disk "refuses" the run.
    immutable.push(join(dataDir, DATABASE_FILE_NAME), join(dataDir, `${DATABASE_FILE_NAME}-wal`));
    execFileSync('chattr', ['+i', ...immutable]);
    const response = await app.inject({ method: 'POST', url: '/api/execution/execute', headers: AUTH, payload: { test_spec: spec({ name: 'not kept' }) } });
    expect(response.statusCode).toBe(200);
    const { result } = response.json() as { result: { id: string; saved: boolean; output: string; notes: string[] } };
    expect(result).toMatchObject({ saved: false, output: expect.stringContaining('Stub reply') });
    expect(result.notes.at(-1)).toMatch(/could not be saved to the history/);
    expect(stub.requests.filter((request) => request.method === 'POST')).toHaveLength(2);
    const runs = await app.inject({ method: 'GET', url: '/api/runs', headers: AUTH });
    expect((runs.json() as { runs: { id: string }[] }).runs.map((run) => run.id)).toEqual([saved.json().result.id]);
    const lost = await app.inject({ method: 'GET', url: `/api/runs/${result.id}`, headers: AUTH });
    expect(lost.statusCode).toBe(404);
  });
});
