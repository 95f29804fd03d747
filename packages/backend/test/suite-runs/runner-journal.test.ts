import { afterEach, describe, expect, it } from 'vitest';
import type { HistoryStore } from '../../src/store/index.js';
import { createSuiteRunner } from '../../src/suite-runs/index.js';
import { removeTempDirs } from '../helpers/temp-dir.js';
import { closeRunners, startRunner } from './helpers/runner-fixture.js';
import { suiteOf } from './helpers/suites.js';

afterEach(async () => {
  await closeRunners();
  await removeTempDirs();
});

/** The real store, with each answer it is asked to keep counted (the journal's rows go once the case is recorded). */
function countingAnswers(store: HistoryStore): { store: HistoryStore; kept: unknown[] } {
  const kept: unknown[] = [];
  const counting = new Proxy(store, {
    get(target, key) {
      const value = Reflect.get(target, key, target) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (key === 'putAnswer') kept.push(args[0]);
        return (value as (...args: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store: counting, kept };
}

describe('the answer journal (journalAnswers)', () => {
  it('keeps every case’s answer, keyed to its case, by default (for a resume)', async () => {
    const fixture = await startRunner();
    const { store, kept } = countingAnswers(fixture.store);
    const runner = createSuiteRunner({ store, providers: fixture.providers });
    const run = await runner.whenFinished((await runner.start({ suite: suiteOf(3) })).id);
    expect(run.passed).toBe(3);
    expect(kept).toHaveLength(3);
    expect(kept.map((entry) => (entry as { case?: { index: number } }).case?.index).sort()).toEqual([0, 1, 2]);
    await runner.drain(0);
  });

  it('keeps none when turned off (the CLI, which never resumes), and the cases are recorded the same', async () => {
    const fixture = await startRunner();
    const { store, kept } = countingAnswers(fixture.store);
    const runner = createSuiteRunner({ store, providers: fixture.providers, journalAnswers: false });
    const run = await runner.whenFinished((await runner.start({ suite: suiteOf(3) })).id);
    expect(run).toMatchObject({ status: 'completed', passed: 3 });
    const { runs } = await fixture.store.listRuns({ suite_run_id: run.id }, { limit: 10 });
    expect(runs.map((recorded) => recorded.answer_source)).toEqual(['provider', 'provider', 'provider']);
    expect(kept).toHaveLength(0);
    await runner.drain(0);
  });

  it('still fills the response cache when turned off (cache: true keeps answers for later runs)', async () => {
    const fixture = await startRunner();
    const { store, kept } = countingAnswers(fixture.store);
    const runner = createSuiteRunner({ store, providers: fixture.providers, journalAnswers: false });
    await runner.whenFinished((await runner.start({ suite: suiteOf(2), cache: true })).id);
    expect(kept).toHaveLength(2);
    expect(kept.every((entry) => (entry as { case?: unknown }).case === undefined)).toBe(true);
    await runner.whenFinished((await runner.start({ suite: suiteOf(2), cache: true })).id);
    expect(fixture.anthropic.requests.filter((request) => request.method === 'POST')).toHaveLength(2);
    await runner.drain(0);
  });

  it('refuses a journalAnswers that is not a boolean', async () => {
    await expect(startRunner({ runner: { journalAnswers: 'no' as unknown as boolean } })).rejects.toThrow('option "journalAnswers" must be a boolean');
  });
});
