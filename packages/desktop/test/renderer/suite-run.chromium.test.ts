/// <reference lib="dom" />
import type { RunRecord, SuiteRun, SuiteRunCase } from '@sentinel/backend/contract';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ConnectionStatus } from '../../src/shared/types.js';
import { FakeHost } from './helpers/fake-host.js';
import { CAPITAL, runRecord, SMOKE_SUITE, storedSuite, storedTest, suiteRun } from './helpers/fixtures.js';
import { launchChromium, openWorkspace, screenshot, type WorkspacePage } from './helpers/workspace-page.js';

const RUN_ID = 'a1b2c3d4e5f6a1b2c3d4e5f6';
const NAMES = Array.from({ length: 20 }, (_, index) => `Case ${index + 1}`);

let browser: Browser;
let host: FakeHost;
let view: WorkspacePage;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser.close());
beforeEach(() => {
  host = new FakeHost();
  host.library.add(storedSuite('nightly', SMOKE_SUITE));
  host.suiteRuns.set(RUN_ID, suiteRun(RUN_ID, { id: 'nightly', name: 'Nightly smoke' }, NAMES));
});
afterEach(async () => {
  expect(view.errors).toEqual([]);
  await view.close();
});

/** The events the backend sends when case `index` ends, with the counts after it. */
function finish(run: SuiteRun, index: number, state: 'passed' | 'failed' | 'error'): { run: SuiteRun; caseEvent: SuiteRunCase; record: RunRecord | null } {
  const record = state === 'error' ? null : runRecord({ ...CAPITAL, name: NAMES[index] as string }, { success: state === 'passed', suite_run_id: run.id, case_index: index, latency_ms: 400 + index });
  const caseEvent: SuiteRunCase = { index, name: NAMES[index] as string, state, run_id: record?.id ?? null, error: state === 'error' ? { code: 'UPSTREAM_ERROR', message: 'Anthropic answered 529 overloaded_error' } : null };
  const cases = run.cases.map((item) => (item.index === index ? caseEvent : item));
  const count = (wanted: string): number => cases.filter((item) => item.state === wanted).length;
  return { run: { ...run, cases, done: run.done + 1, passed: count('passed'), failed: count('failed'), errors: count('error') }, caseEvent, record };
}

const connection = (status: ConnectionStatus) => ({ type: 'connection' as const, status });

describe('Run: a suite run followed live', () => {
  it('the progress bar follows the events: done/total, pass rate, elapsed and remaining time, each result as it lands, no duplicate', async () => {
    view = await openWorkspace(browser, host, `#/suite-run/${RUN_ID}`);
    const { page } = view;
    await page.locator('#progress-count').waitFor();
    expect(await page.locator('#progress-count').textContent()).toBe('0 / 20 done');
    expect(await page.locator('#progress-remaining').textContent()).toBe('Estimating the time left…');
    await expect.poll(() => host.watched.has(RUN_ID)).toBe(true);
    let run = host.suiteRuns.get(RUN_ID) as SuiteRun;
    const states = ['passed', 'passed', 'failed', 'passed', 'error'] as const;
    for (const [index, state] of states.entries()) {
      await view.emit({ type: 'suite-run', event: { type: 'case-started', suite_run_id: RUN_ID, index, name: NAMES[index] as string } });
      const step = finish(run, index, state);
      run = step.run;
      await view.emit({ type: 'suite-run', event: { type: 'case-finished', suite_run_id: RUN_ID, case: step.caseEvent, run: step.record } });
      await view.emit({ type: 'suite-run', event: { type: 'progress', suite_run_id: RUN_ID, total: 20, done: run.done, passed: run.passed, failed: run.failed, errors: run.errors } });
    }
    await expect.poll(() => page.locator('#progress-count').textContent()).toBe('5 / 20 done');
    expect(await page.locator('#progress-pass-rate').textContent()).toBe('Pass rate 60 %');
    expect(await page.locator('#progress-remaining').textContent()).toMatch(/^About \d+ (s|min \d\d s) left$/);
    expect(await page.locator('#progress-elapsed').textContent()).toMatch(/^Elapsed \d+ s$/);
    expect(await page.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('5');
    expect(Number(await page.locator('.progress-bar .passed').getAttribute('width'))).toBeCloseTo(15);
    expect(Number(await page.locator('.progress-bar .failed').getAttribute('width'))).toBeCloseTo(5);
    expect(await page.locator('.case-list li').evaluateAll((items) => items.map((item) => `${item.getAttribute('data-index')}:${item.getAttribute('data-state')}`))).toEqual(['0:passed', '1:passed', '2:failed', '3:passed', '4:error']);
    expect(await page.locator('.case-list li[data-index="4"]').textContent()).toContain('Anthropic answered 529 overloaded_error');
    expect(await page.locator('#cases-waiting').textContent()).toBe('0 running, 15 waiting');
    await screenshot(page, 'suite-run-progress');

    // A repeated finished event (a stream resumed after a restart) shows nothing twice.
    const again = finish(run, 0, 'passed');
    await view.emit({ type: 'suite-run', event: { type: 'case-finished', suite_run_id: RUN_ID, case: again.caseEvent, run: again.record } });
    await view.emit({ type: 'suite-run', event: { type: 'snapshot', run } });
    expect(await page.locator('.case-list li').count()).toBe(5);
    // Another run's events are not this run's.
    await view.emit({ type: 'suite-run', event: { type: 'progress', suite_run_id: 'ffffffffffffffffffffffff', total: 3, done: 3, passed: 3, failed: 0, errors: 0 } });
    expect(await page.locator('#progress-count').textContent()).toBe('5 / 20 done');

    const end = { ...run, status: 'completed' as const, finished_at: new Date().toISOString() };
    await view.emit({ type: 'suite-run', event: { type: 'end', run: end } });
    await expect.poll(() => page.locator('#progress-remaining').textContent()).toBe('Finished');
    expect(await page.getByRole('button', { name: 'Cancel run' }).count()).toBe(0);
  });

  it('says "Backend restarting, the run will resume" while the banner reconnects, then catches up by itself', async () => {
    view = await openWorkspace(browser, host, `#/suite-run/${RUN_ID}`);
    const { page } = view;
    await page.locator('#progress-count').waitFor();
    await view.emit(connection({ phase: 'reconnecting', attempt: 1, delayMs: 250, reason: 'it was killed by SIGKILL', lastLines: [] }));
    await page.locator('#resume-notice').waitFor();
    expect(await page.locator('#resume-notice').textContent()).toBe('Backend restarting, the run will resume.');
    expect(await page.locator('#banner').getAttribute('data-phase')).toBe('reconnecting');
    await screenshot(page, 'suite-run-backend-restarting');
    await view.emit(connection({ phase: 'starting', attempt: 2, elapsedMs: 100, timeoutMs: 30_000, slow: false, afterCrash: true }));
    expect(await page.locator('#resume-notice').count()).toBe(1);

    // Meanwhile the backend resumed the run and recorded 3 cases; reconnecting fetches them.
    let run = host.suiteRuns.get(RUN_ID) as SuiteRun;
    for (const index of [0, 1, 2]) run = finish(run, index, 'passed').run;
    host.suiteRuns.set(RUN_ID, run);
    const fetchesBefore = host.callsOf('getSuiteRun').length;
    await view.emit(connection({ phase: 'connected', reconnected: true, startupMs: 90 }));
    await page.locator('#resume-notice').waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('#progress-count').textContent()).toBe('3 / 20 done');
    expect(host.callsOf('getSuiteRun').length).toBe(fetchesBefore + 1);
    // Watched once: the host reopens its stream after a restart by itself; the view only fetches to catch up.
    expect(host.callsOf('watchSuiteRun').length).toBe(1);
    expect(await page.locator('.case-list li').count()).toBe(3);

    await view.emit(connection({ phase: 'failed', reason: 'it crashed 6 times in 60 s', restarts: 6, lastLines: ['boom'] }));
    expect(await page.locator('#resume-notice').textContent()).toContain('Press Retry above');
  });

  it('cancels a running suite, reruns the failed cases of a finished one, and reports an action that failed', async () => {
    view = await openWorkspace(browser, host, `#/suite-run/${RUN_ID}`);
    const { page } = view;
    await page.getByRole('button', { name: 'Cancel run' }).click();
    await expect.poll(() => page.locator('.suite-run').getAttribute('data-status')).toBe('cancelled');
    expect(host.callsOf('cancelSuiteRun')).toEqual([[RUN_ID]]);

    let run = suiteRun(RUN_ID, { id: 'nightly', name: 'Nightly smoke' }, NAMES.slice(0, 3), { status: 'completed', finished_at: new Date().toISOString() });
    run = finish(run, 0, 'passed').run;
    run = finish(run, 1, 'failed').run;
    run = finish(run, 2, 'error').run;
    host.suiteRuns.set(RUN_ID, { ...run, status: 'completed' });
    await page.reload();
    await page.getByRole('button', { name: 'Rerun failed (2)' }).click();
    await page.waitForURL(/#\/suite-run\/sr0+2$/);
    await page.locator('#progress-count').waitFor();
    expect(await page.locator('#progress-count').textContent()).toBe('0 / 2 done');
    expect(await page.locator('.suite-run .muted').first().textContent()).toContain(`reruns the failed cases of ${RUN_ID}`);

    host.override('cancelSuiteRun', () => Promise.reject(Object.assign(new Error('No suite run with this id'), { code: 'SUITE_RUN_NOT_FOUND' })));
    await page.getByRole('button', { name: 'Cancel run' }).click();
    await page.getByRole('alert').filter({ hasText: 'No suite run with this id' }).waitFor();
  });

  it('starts a suite from the Run view (Ctrl+Enter) with its options, and a run that cannot be found says so', async () => {
    view = await openWorkspace(browser, host, '#/run/suite/nightly');
    const { page } = view;
    await page.getByRole('heading', { name: 'Run suite “Nightly smoke”' }).waitFor();
    await page.getByLabel('Use the response cache').check();
    await page.locator('body').click();
    await page.keyboard.press('Control+Enter');
    await page.waitForURL(/#\/suite-run\//);
    expect(host.callsOf('startSuiteRun')).toEqual([[{ suite_id: 'nightly', concurrency: 4, cache: true }]]);
    await page.locator('#progress-count').waitFor();
    expect(await page.locator('#progress-count').textContent()).toBe('0 / 2 done');

    await view.open('#/suite-run/ffffffffffffffffffffffff');
    await page.getByRole('alert').filter({ hasText: 'The suite run could not be loaded' }).waitFor();
  });
});

describe('Run: one test', () => {
  it('runs a library test with Ctrl+Enter and shows its result; an interrupted run says so plainly', async () => {
    host.library.add(storedTest('capital', CAPITAL));
    view = await openWorkspace(browser, host, '#/run/test/capital');
    const { page } = view;
    await page.getByText('Not run yet.').waitFor();
    await page.locator('body').click();
    await page.keyboard.press('Control+Enter');
    await page.locator('.run-detail[data-success="true"]').waitFor();
    expect(host.callsOf('execute')).toEqual([[{ test_id: 'capital' }]]);
    await screenshot(page, 'run-test-result');

    host.override('execute', () => Promise.reject(Object.assign(new Error('The backend stopped while the run was in flight; run it again.'), { code: 'DESKTOP_ERR_RUN_INTERRUPTED' })));
    await page.locator('#run-button').click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.locator('.state-title').textContent()).toBe('Run interrupted');
    expect(await alert.textContent()).toContain('run it again');
    expect(await page.locator('.run-detail').count()).toBe(0);
  });
});
