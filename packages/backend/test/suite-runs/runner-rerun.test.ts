import { afterEach, describe, expect, it } from 'vitest';
import { removeTempDirs } from '../helpers/temp-dir.js';
import { closeRunners, startRunner } from './helpers/runner-fixture.js';
import { suiteOf } from './helpers/suites.js';

afterEach(async () => {
  await closeRunners();
  await removeTempDirs();
});

describe('rerun-failed and compare', () => {
  it('re-runs the failed and errored cases in a new run (rerun_of set); refuses a run with none', async () => {
    const { runner, anthropic } = await startRunner();
    anthropic.setBehavior((request) => (JSON.stringify(request.body).includes('question 3') ? { error: { status: 500 } } : {}));
    const suite = suiteOf(4, { mustContain: (index) => (index === 1 ? 'Zebra' : 'Stub reply') });
    const original = await runner.whenFinished((await runner.start({ suite, concurrency: 2 })).id);
    expect(original.cases.map((entry) => entry.state)).toEqual(['passed', 'failed', 'passed', 'error']);
    anthropic.setBehavior({});
    const rerun = await runner.rerunFailed(original.id);
    expect(rerun).toMatchObject({ rerun_of: original.id, total: 2, concurrency: 2, suite: original.suite });
    expect(rerun.cases.map((entry) => entry.name)).toEqual(['case-1', 'case-3']);
    const finished = await runner.whenFinished(rerun.id);
    expect(finished.cases.map((entry) => entry.state)).toEqual(['failed', 'passed']);
    const clean = await runner.whenFinished((await runner.start({ suite: suiteOf(2) })).id);
    await expect(runner.rerunFailed(clean.id)).rejects.toMatchObject({ code: 'VALIDATION_ERROR', details: { field: 'params.id' } });
  });

  it('compares two runs of a suite: regressions first, then fixed, new and removed; pass rate and metric deltas', async () => {
    const { runner, anthropic } = await startRunner();
    anthropic.setBehavior({ usage: { input_tokens: 10, output_tokens: 10 } });
    const base = await runner.whenFinished((await runner.start({ suite: suiteOf(4, { mustContain: (index) => (index === 2 ? 'Zebra' : 'Stub reply') }) })).id);
    anthropic.setBehavior({ usage: { input_tokens: 10, output_tokens: 30 } });
    const headSuite = suiteOf(4, { mustContain: (index) => (index === 0 ? 'Zebra' : 'Stub reply') });
    const renamed = { ...headSuite, tests: headSuite.tests.map((test, index) => (index === 3 ? { ...test, name: 'case-new' } : test)) };
    const head = await runner.whenFinished((await runner.start({ suite: renamed })).id);
    const comparison = await runner.compare(base.id, head.id);
    expect(comparison.regressions.map((entry) => entry.name)).toEqual(['case-0']);
    expect(comparison.fixed.map((entry) => entry.name)).toEqual(['case-2']);
    expect(comparison.new_cases.map((entry) => entry.name)).toEqual(['case-new']);
    expect(comparison.removed_cases.map((entry) => entry.name)).toEqual(['case-3']);
    expect(comparison.unchanged.map((entry) => entry.name)).toEqual(['case-1']);
    expect(comparison.pass_rate).toMatchObject({ base: 0.75, head: 0.75 });
    expect(comparison.total_tokens).toMatchObject({ base: 80, head: 160, delta: 80, flagged: true });
    expect(comparison.regressions[0]?.total_tokens).toMatchObject({ base: 20, head: 40 });
    const other = await runner.whenFinished((await runner.start({ suite: suiteOf(1, { name: 'Another suite' }) })).id);
    await expect(runner.compare(base.id, other.id)).rejects.toMatchObject({ code: 'COMPARE_MISMATCH' });
    await expect(runner.compare(base.id, '0000000000000000aaaaaaaa')).rejects.toMatchObject({ code: 'SUITE_RUN_NOT_FOUND' });
  });
});
