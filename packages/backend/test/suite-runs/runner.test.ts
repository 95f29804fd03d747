import { afterEach, describe, expect, it } from 'vitest';
import { removeTempDirs } from '../helpers/temp-dir.js';
import { closeRunners, startRunner } from './helpers/runner-fixture.js';
import { eventRecorder, mixedSuite, suiteOf } from './helpers/suites.js';

afterEach(async () => {
  await closeRunners();
  await removeTempDirs();
});

describe('the suite runner: happy path', () => {
  it('runs every case once, records it, and tells watchers in order: started, finished, progress, end', async () => {
    const { runner, anthropic, openai, store } = await startRunner();
    const started = await runner.start({ suite: mixedSuite(6) });
    expect(started).toMatchObject({ status: 'running', total: 6, done: 0, concurrency: 4, cache: false, rerun_of: null, suite: { id: null, name: 'Stub suite', version: '1' } });
    const recorder = eventRecorder();
    runner.subscribe(started.id, recorder.listener);
    const finished = await runner.whenFinished(started.id);
    await recorder.ended;
    expect(finished).toMatchObject({ status: 'completed', total: 6, done: 6, passed: 6, failed: 0, errors: 0 });
    expect(finished.cases.map((entry) => entry.state)).toEqual(Array(6).fill('passed'));
    expect(anthropic.callsByRequest().map((group) => group.count)).toEqual([1, 1, 1]);
    expect(openai.callsByRequest().map((group) => group.count)).toEqual([1, 1, 1]);
    const runs = await store.listRuns({ suite_run_id: started.id }, { limit: 50 });
    expect(runs.runs).toHaveLength(6);
    expect(new Set(runs.runs.map((run) => run.case_index))).toEqual(new Set([0, 1, 2, 3, 4, 5]));
    const types = recorder.events.map((event) => event.type);
    expect(types.at(-1)).toBe('end');
    expect(types.filter((type) => type === 'progress')).toHaveLength(6);
    const dones = recorder.events.flatMap((event) => (event.type === 'progress' ? [event.done] : []));
    expect(dones).toEqual([1, 2, 3, 4, 5, 6]);
    for (let index = 0; index < 6; index += 1) {
      const startedAt = recorder.events.findIndex((event) => event.type === 'case-started' && event.index === index);
      const endedAt = recorder.events.findIndex((event) => event.type === 'case-finished' && event.case.index === index);
      expect(startedAt).toBeGreaterThanOrEqual(0);
      expect(endedAt).toBeGreaterThan(startedAt);
    }
  });

  it('refuses a suite whose case cannot be prepared, naming it, before anything is stored or called', async () => {
    const { runner, anthropic, store } = await startRunner();
    const suite = suiteOf(3);
    const bad = { ...suite, tests: suite.tests.map((test, index) => (index === 2 ? { ...test, model: 'llama-3' } : test)) };
    await expect(runner.start({ suite: bad })).rejects.toMatchObject({ code: 'VALIDATION_ERROR', details: { field: 'suite.tests[2].provider' } });
    expect((await store.listSuiteRuns({ limit: 10 })).suite_runs).toHaveLength(0);
    expect(anthropic.requests).toHaveLength(0);
  });
});
