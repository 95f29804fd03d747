import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CACHE_TTL_MS } from '../../src/store/index.js';
import { removeTempDirs } from '../helpers/temp-dir.js';
import { closeRunners, startRunner } from './helpers/runner-fixture.js';
import { suiteOf } from './helpers/suites.js';

afterEach(async () => {
  await closeRunners();
  await removeTempDirs();
});

const modelCalls = (requests: readonly { method: string }[]): number => requests.filter((request) => request.method === 'POST').length;

describe('the response cache (cache: true)', () => {
  it('is off by default; on, a second run pays nothing, and an entry past its TTL is paid again', async () => {
    let clock = Date.parse('2026-12-01T10:00:00Z');
    const { runner, anthropic, store } = await startRunner({ now: () => clock });
    const first = await runner.start({ suite: suiteOf(3), cache: true });
    expect((await runner.whenFinished(first.id)).passed).toBe(3);
    expect(modelCalls(anthropic.requests)).toBe(3);

    const second = await runner.start({ suite: suiteOf(3), cache: true });
    expect(await runner.whenFinished(second.id)).toMatchObject({ cache: true, passed: 3 });
    expect(modelCalls(anthropic.requests)).toBe(3);
    const cached = await store.listRuns({ suite_run_id: second.id }, { limit: 10 });
    expect(cached.runs.map((run) => run.answer_source)).toEqual(['cache', 'cache', 'cache']);
    expect(cached.runs[0]?.notes.join(' ')).toContain('response cache');

    const uncached = await runner.start({ suite: suiteOf(3) });
    expect(await runner.whenFinished(uncached.id)).toMatchObject({ cache: false, passed: 3 });
    expect(modelCalls(anthropic.requests)).toBe(6);

    clock += DEFAULT_CACHE_TTL_MS + 1;
    const expired = await runner.start({ suite: suiteOf(3), cache: true });
    await runner.whenFinished(expired.id);
    expect(modelCalls(anthropic.requests)).toBe(9);
    expect((await store.listRuns({ suite_run_id: expired.id }, { limit: 10 })).runs.every((run) => run.answer_source === 'provider')).toBe(true);
  });

  it('honours the runner cacheTtlMs', async () => {
    let clock = Date.parse('2026-12-01T10:00:00Z');
    const { runner, anthropic } = await startRunner({ now: () => clock, runner: { cacheTtlMs: 60_000 } });
    await runner.whenFinished((await runner.start({ suite: suiteOf(1), cache: true })).id);
    clock += 59_000;
    await runner.whenFinished((await runner.start({ suite: suiteOf(1), cache: true })).id);
    expect(modelCalls(anthropic.requests)).toBe(1);
    clock += 2_000;
    await runner.whenFinished((await runner.start({ suite: suiteOf(1), cache: true })).id);
    expect(modelCalls(anthropic.requests)).toBe(2);
  });

  it('never caches an error: the next cached run calls the model again', async () => {
    const { runner, anthropic } = await startRunner();
    anthropic.setBehavior({ error: { status: 400, message: 'bad request' } });
    const failing = await runner.start({ suite: suiteOf(1), cache: true });
    expect((await runner.whenFinished(failing.id)).errors).toBe(1);
    anthropic.setBehavior({});
    const next = await runner.start({ suite: suiteOf(1), cache: true });
    expect((await runner.whenFinished(next.id)).passed).toBe(1);
    expect(modelCalls(anthropic.requests)).toBe(2);
  });
});
