import { afterEach, describe, expect, it } from 'vitest';
import { BackendError } from '../../src/app/errors.js';
import { createSuiteRunner } from '../../src/suite-runs/index.js';
import type { StubBehavior } from '../../src/testing/index.js';
import { removeTempDirs } from '../helpers/temp-dir.js';
import { closeRunners, startRunner } from './helpers/runner-fixture.js';
import { eventRecorder, suiteOf } from './helpers/suites.js';

afterEach(async () => {
  await closeRunners();
  await removeTempDirs();
});

describe('cancelling a suite run', () => {
  it('never starts pending cases, cuts the calls in flight (left pending), keeps what was recorded, and ends with `end`', async () => {
    const { runner, anthropic, store } = await startRunner();
    let inFlight: () => void = () => undefined;
    const twoHanging = new Promise<void>((resolve) => (inFlight = resolve));
    // Case 0 answers; the next two calls hang until the cancel cuts them.
    anthropic.setBehavior((_request, index): StubBehavior => {
      if (index === 2) inFlight();
      return index === 0 ? {} : { hang: true };
    });
    const { id } = await runner.start({ suite: suiteOf(6), concurrency: 2 });
    const recorder = eventRecorder();
    runner.subscribe(id, recorder.listener);
    await twoHanging;
    const cancelled = await runner.cancel(id);
    expect(cancelled).toMatchObject({ status: 'cancelled', done: 1, passed: 1 });
    expect(cancelled.finished_at).not.toBeNull();
    expect(cancelled.cases.map((entry) => entry.state)).toEqual(['passed', 'pending', 'pending', 'pending', 'pending', 'pending']);
    await recorder.ended;
    expect(recorder.events.at(-1)).toMatchObject({ type: 'end', run: { status: 'cancelled' } });
    expect(anthropic.requests).toHaveLength(3);
    expect(anthropic.requests.slice(1).every((request) => request.status === null)).toBe(true);
    expect((await store.listRuns({ suite_run_id: id }, { limit: 10 })).runs).toHaveLength(1);
    expect(await runner.whenFinished(id)).toEqual(cancelled);
  });

  it('answers a finished run as it is', async () => {
    const { runner } = await startRunner();
    const { id } = await runner.start({ suite: suiteOf(1) });
    const finished = await runner.whenFinished(id);
    expect(await runner.cancel(id)).toEqual(finished);
    await expect(runner.cancel('0000000000000000aaaaaaaa')).rejects.toMatchObject({ code: 'SUITE_RUN_NOT_FOUND', details: { id: '0000000000000000aaaaaaaa' } });
  });

  it('a cancel acknowledged before a crash (durable, run not yet finished) is finished as cancelled by the next start, calling nothing', async () => {
    const first = await startRunner();
    first.anthropic.setBehavior({ hang: true });
    const { id } = await first.runner.start({ suite: suiteOf(3), concurrency: 1 });
    // What the cancel route had acknowledged when the process died: the request, not yet the finish.
    await first.store.requestCancel(id);
    const calls = first.anthropic.requests.length;
    const next = createSuiteRunner({ store: first.store, providers: first.providers });
    await first.runner.drain(0);
    const resumed = await next.resumeUnfinished();
    expect(resumed.map((run) => run.id)).toEqual([id]);
    expect(await next.whenFinished(id)).toMatchObject({ status: 'cancelled', done: 0 });
    expect(first.anthropic.requests.length).toBe(calls);
  });
});

describe('draining', () => {
  it('refuses new starts once draining, and reports what it left for the resume', async () => {
    const { runner, anthropic } = await startRunner();
    const twoInFlight = new Promise<void>((resolve) => anthropic.setBehavior((_request, index) => (index === 1 && resolve(), { hang: true })));
    const { id } = await runner.start({ suite: suiteOf(5), concurrency: 2 });
    await twoInFlight;
    expect(await runner.drain(0)).toEqual({ recorded: 0, leftForResume: 5 });
    await expect(runner.start({ suite: suiteOf(1) })).rejects.toMatchObject({ code: 'SHUTTING_DOWN' });
    await expect(runner.whenFinished(id)).rejects.toMatchObject({ code: 'SHUTTING_DOWN' });
    expect((await runner.get(id)).cases.map((entry) => entry.state)).toEqual(['running', 'running', 'pending', 'pending', 'pending']);
  });
});

describe('when the history cannot be written', () => {
  it('stops starting cases of the run, leaves it running (nothing reported unrecorded), and a later resume completes it', async () => {
    const { store, providers, anthropic } = await startRunner();
    let failing = true;
    const flaky = new Proxy(store, {
      get(target, name, receiver) {
        if (name === 'recordCaseResult') {
          return (...args: Parameters<typeof store.recordCaseResult>) =>
            failing && args[1] === 1 ? Promise.reject(new BackendError('HISTORY_WRITE_FAILED', { message: 'the disk is full', details: { storage_error: 'SQLITE_FULL' } })) : target.recordCaseResult(...args);
        }
        const value = Reflect.get(target, name, receiver) as unknown;
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
    const logs: string[] = [];
    const runner = createSuiteRunner({ store: flaky, providers, logger: { info: () => undefined, warn: () => undefined, error: (_fields, message) => logs.push(message ?? '') } });
    const { id } = await runner.start({ suite: suiteOf(4), concurrency: 1 });
    await expect(runner.whenFinished(id)).rejects.toMatchObject({ code: 'HISTORY_WRITE_FAILED' });
    expect(logs).toContain('the disk is full');
    const halfway = await store.getSuiteRun(id);
    expect(halfway?.cases.map((entry) => entry.state)).toEqual(['passed', 'running', 'pending', 'pending']);
    expect(anthropic.callsByRequest()).toHaveLength(2);
    failing = false;
    await runner.resumeUnfinished();
    expect(await runner.whenFinished(id)).toMatchObject({ status: 'completed', passed: 4 });
    expect(anthropic.callsByRequest().map((group) => group.count)).toEqual([1, 1, 1, 1]); // case 1's journaled answer was reused
  });
});
