import { afterEach, describe, expect, it } from 'vitest';
import type { ProviderStub, StubBehavior } from '../../src/testing/index.js';
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

  it('runs 32 cases at concurrency 16 under a shutdown signal without a listener-leak warning', async () => {
    const shutdown = new AbortController();
    const { runner } = await startRunner({ runner: { signal: shutdown.signal } });
    const warnings: Error[] = [];
    const onWarning = (warning: Error): void => void warnings.push(warning);
    process.on('warning', onWarning);
    try {
      const started = await runner.start({ suite: mixedSuite(32), concurrency: 16 });
      expect(await runner.whenFinished(started.id)).toMatchObject({ status: 'completed', passed: 32 });
      // Node emits its warnings on the next tick: let one pass before looking.
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings.filter((warning) => warning.name === 'MaxListenersExceededWarning')).toEqual([]);
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

/** Counts the model calls in flight on the stubs (sent, not yet answered) as each one arrives; keeps the maxima. */
function trackInFlight(stubs: Readonly<Record<string, ProviderStub>>, behavior: StubBehavior): { max: Record<string, number>; maxTotal: () => number } {
  const max: Record<string, number> = {};
  let maxTotal = 0;
  const open = (stub: ProviderStub) => stub.requests.filter((request) => request.status === null).length;
  for (const [name, stub] of Object.entries(stubs)) {
    max[name] = 0;
    stub.setBehavior(() => {
      max[name] = Math.max(max[name] ?? 0, open(stub) + 1);
      maxTotal = Math.max(maxTotal, Object.values(stubs).reduce((sum, each) => sum + open(each), 0) + 1);
      return behavior;
    });
  }
  return { max, maxTotal: () => maxTotal };
}

describe('the suite runner: concurrency', () => {
  it('keeps at most `concurrency` calls in flight per provider, and runs the providers side by side', async () => {
    const { runner, anthropic, openai } = await startRunner();
    const seen = trackInFlight({ anthropic, openai }, { delayMs: 60 });
    const { id } = await runner.start({ suite: mixedSuite(12), concurrency: 2 });
    expect(await runner.whenFinished(id)).toMatchObject({ status: 'completed', passed: 12 });
    expect(seen.max).toEqual({ anthropic: 2, openai: 2 });
    expect(seen.maxTotal()).toBe(4);
  });

  it('defaults to 4 per provider', async () => {
    const { runner, anthropic, openai } = await startRunner();
    const seen = trackInFlight({ anthropic, openai }, { delayMs: 60 });
    const { id, concurrency } = await runner.start({ suite: suiteOf(10) });
    expect(concurrency).toBe(4);
    await runner.whenFinished(id);
    expect(seen.max.anthropic).toBe(4);
  });

  it('runs several suite runs at once on one store, each case recorded once', async () => {
    const { runner, anthropic, store } = await startRunner();
    anthropic.setBehavior({ delayMs: 10 });
    const runs = await Promise.all([runner.start({ suite: suiteOf(5) }), runner.start({ suite: suiteOf(5, { name: 'Second' }) }), runner.start({ suite: suiteOf(5, { name: 'Third' }) })]);
    const finished = await Promise.all(runs.map((run) => runner.whenFinished(run.id)));
    expect(finished.map((run) => [run.status, run.passed])).toEqual([['completed', 5], ['completed', 5], ['completed', 5]]);
    for (const run of runs) {
      const recorded = await store.listRuns({ suite_run_id: run.id }, { limit: 50 });
      expect(recorded.runs.map((entry) => entry.case_index).sort()).toEqual([0, 1, 2, 3, 4]);
    }
    expect((await runner.list({ limit: 10 })).suite_runs.map((run) => run.suite.name)).toEqual(['Third', 'Second', 'Stub suite']);
  });

  it('refuses a concurrency out of bounds, naming it', async () => {
    const { runner } = await startRunner();
    await expect(runner.start({ suite: suiteOf(1), concurrency: 0 })).rejects.toMatchObject({ code: 'VALIDATION_ERROR', details: { field: 'concurrency' } });
    await expect(runner.start({ suite: suiteOf(1), concurrency: 65 })).rejects.toMatchObject({ code: 'VALIDATION_ERROR' });
  });
});

describe('the suite runner: retries and errors', () => {
  it('waits the retry-after of a 429 and tries the case again (beyond the SDK retries)', async () => {
    const { runner, anthropic, logs } = await startRunner({ maxRetries: 0 });
    anthropic.setBehavior((_request, index): StubBehavior => (index === 0 ? { error: { status: 429 }, headers: { 'retry-after-ms': '300' } } : {}));
    const { id } = await runner.start({ suite: suiteOf(1) });
    expect(await runner.whenFinished(id)).toMatchObject({ passed: 1, errors: 0 });
    const [group] = anthropic.callsByRequest();
    expect(group).toMatchObject({ count: 2, succeeded: 1 });
    const [first, second] = group?.requests ?? [];
    expect((second?.receivedAt ?? 0) - (first?.receivedAt ?? 0)).toBeGreaterThanOrEqual(290);
    expect(logs.some((entry) => entry.level === 'warn' && entry.message?.includes('rate-limited'))).toBe(true);
  });

  it('retries an overloaded answer (529) with backoff, and gives up after caseRetries: the case is an error with the reason', async () => {
    const { runner, anthropic } = await startRunner({ maxRetries: 0, runner: { caseRetries: 2 } });
    anthropic.setBehavior({ error: { status: 529, message: 'Overloaded' }, headers: { 'retry-after-ms': '20' } });
    const { id } = await runner.start({ suite: suiteOf(1) });
    const finished = await runner.whenFinished(id);
    expect(finished).toMatchObject({ status: 'completed', errors: 1, failed: 0, passed: 0 });
    expect(finished.cases[0]).toMatchObject({ state: 'error', run_id: null, error: { code: 'UPSTREAM_ERROR' } });
    expect(finished.cases[0]?.error?.message).toContain('529');
    expect(anthropic.callsByRequest()[0]?.count).toBe(3);
  });

  it('does not wait longer than caseRetryWaitMaxMs: a longer retry-after ends the case at once', async () => {
    const { runner, anthropic } = await startRunner({ maxRetries: 0, runner: { caseRetryWaitMaxMs: 1000 } });
    anthropic.setBehavior({ error: { status: 429 }, headers: { 'retry-after': '30' } });
    const { id } = await runner.start({ suite: suiteOf(1) });
    expect((await runner.whenFinished(id)).cases[0]?.error?.code).toBe('UPSTREAM_ERROR');
    expect(anthropic.requests).toHaveLength(1);
  });

  it('ends cases of a failing provider in error (not failed): no key, a 500', async () => {
    const { runner, anthropic, openai } = await startRunner({ openaiKey: false });
    anthropic.setBehavior((request): StubBehavior => (JSON.stringify(request.body).includes('question 2') ? { error: { status: 500, message: 'boom' } } : {}));
    const suite = mixedSuite(4);
    const withFailure = { ...suite, tests: [...suite.tests, { name: 'case-4', inputs: { query: 'question 4' }, assertions: [{ must_contain: 'Zebra' }] }] };
    const { id } = await runner.start({ suite: withFailure });
    const finished = await runner.whenFinished(id);
    expect(finished).toMatchObject({ total: 5, passed: 1, failed: 1, errors: 3 });
    expect(finished.cases.map((entry) => [entry.state, entry.error?.code ?? null])).toEqual([
      ['passed', null],
      ['error', 'NO_API_KEY'],
      ['error', 'UPSTREAM_ERROR'],
      ['error', 'NO_API_KEY'],
      ['failed', null],
    ]);
    expect(finished.cases[1]?.error?.message).toContain('OPENAI_API_KEY');
    expect(openai.requests).toHaveLength(0);
  });
});
