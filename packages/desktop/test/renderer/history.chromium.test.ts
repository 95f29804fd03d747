/// <reference lib="dom" />
import type { RunComparison, SuiteRunComparison } from '@sentinel/backend/contract';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeHost } from './helpers/fake-host.js';
import { CAPITAL, CONTACT_JSON, runRecord, storedTest, suiteRun, WEATHER_TOOL } from './helpers/fixtures.js';
import { launchChromium, openWorkspace, screenshot, type WorkspacePage } from './helpers/workspace-page.js';

let browser: Browser;
let host: FakeHost;
let view: WorkspacePage;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser.close());
beforeEach(() => {
  host = new FakeHost();
  host.library.add(storedTest('capital', CAPITAL));
  host.library.add(storedTest('contact-json', CONTACT_JSON));
  host.library.add(storedTest('weather-tool', WEATHER_TOOL));
  // 60 runs of capital (newest first), every third one failed, latency rising; 2 of contact-json.
  for (let index = 0; index < 60; index++) {
    host.runs.push(runRecord(CAPITAL, { test_id: 'capital', success: index % 3 !== 0, latency_ms: 2000 - index * 20, started_at: new Date(Date.UTC(2026, 10, 30, 12, 0) - index * 3_600_000).toISOString() }));
  }
  host.runs.push(runRecord(CONTACT_JSON, { test_id: 'contact-json', model: 'gpt-4.1-mini', provider: 'openai', tool_calls: [{ id: 'call_1', name: 'lookup', arguments: { name: 'Ada' } }], notes: ['seed is not supported by Anthropic and was ignored'] }));
});
afterEach(async () => {
  expect(view.errors).toEqual([]);
  await view.close();
});

const rows = (view: WorkspacePage) => view.page.locator('.runs-table tbody tr');

describe('Runs, Compare and Trends', () => {
  it('lists the history with filters kept in the URL (test, model, pass/fail), pages older runs by cursor', async () => {
    view = await openWorkspace(browser, host, '#/runs');
    const { page } = view;
    await rows(view).first().waitFor();
    expect(await rows(view).count()).toBe(50);
    await page.getByRole('button', { name: 'Load older runs' }).click();
    await expect.poll(() => rows(view).count()).toBe(61);
    expect(await page.getByRole('button', { name: 'Load older runs' }).count()).toBe(0);
    expect(host.callsOf('listRuns').at(-1)).toEqual([{ limit: 50, cursor: '50' }]);

    await page.locator('#runs-filter-test').selectOption('contact-json');
    await page.waitForURL(/#\/runs\?test_id=contact-json$/);
    await expect.poll(() => rows(view).count()).toBe(1);
    await page.locator('#runs-filter-test').selectOption('capital');
    await page.locator('#runs-filter-result').selectOption('false');
    await expect.poll(() => rows(view).count()).toBe(20);
    expect(host.callsOf('listRuns').at(-1)).toEqual([{ test_id: 'capital', passed: false, limit: 50 }]);
    await page.reload();
    await expect.poll(() => rows(view).count()).toBe(20);
    expect(await page.locator('#runs-filter-result').inputValue()).toBe('false');
    await page.locator('#runs-filter-model').fill('claude-opus-4-7');
    await page.locator('#runs-filter-model').press('Tab');
    await page.getByText('No run matches these filters.').waitFor();
    await screenshot(page, 'runs-filtered-empty');
  });

  it("a run's detail shows the spec it ran, output, tool calls, each assertion with expected and actual, latency, tokens and cost", async () => {
    const run = host.runs.at(-1)!;
    view = await openWorkspace(browser, host, `#/runs/${run.id}`);
    const { page } = view;
    const detail = page.locator('.run-detail');
    await detail.waitFor();
    expect(await detail.locator('.metric-latency').textContent()).toBe('840 ms');
    expect(await detail.locator('.metric-tokens').textContent()).toBe('21 in · 9 out');
    expect(await detail.locator('.metric-cost').textContent()).toBe('$0.00020');
    expect(await detail.locator('.assertion-table tbody tr').first().locator('td').allTextContents()).toEqual(['✓ pass', 'must_contain', 'Paris', 'The capital of France is Paris.', 'must_contain passed']);
    expect(await detail.locator('.tool-calls li').textContent()).toContain('lookup');
    expect(await detail.locator('.tool-calls pre').textContent()).toBe('{\n  "name": "Ada"\n}');
    expect(await detail.locator('.notes').textContent()).toContain('seed is not supported');
    await detail.getByText('The spec it ran').click();
    expect(await detail.locator('.run-spec pre').textContent()).toContain('name: Contact as JSON');
    await screenshot(page, 'run-detail');
    await view.open('#/runs/ffffffffffffffffffffffff');
    await page.getByRole('alert').filter({ hasText: 'The run could not be loaded' }).waitFor();
  });

  it('compares two runs of a test: regressions first, then fixed; deltas flagged; the output diff', async () => {
    const [head, base] = [host.runs[0]!, host.runs[1]!];
    const comparison: RunComparison = {
      base,
      head,
      thresholds: { latency: 0.2, tokens: 0.15, cost: 0.1 },
      regressions: [{ index: 1, kind: 'max_latency_ms', expected: 5000, base_passed: true, head_passed: false, change: 'regression' }],
      fixed: [{ index: 0, kind: 'must_contain', expected: 'Paris', base_passed: false, head_passed: true, change: 'fixed' }],
      assertions: [
        { index: 0, kind: 'must_contain', expected: 'Paris', base_passed: false, head_passed: true, change: 'fixed' },
        { index: 1, kind: 'max_latency_ms', expected: 5000, base_passed: true, head_passed: false, change: 'regression' },
        { index: 2, kind: 'icontains', expected: 'france', base_passed: true, head_passed: true, change: 'unchanged' },
      ],
      latency_ms: { base: 1000, head: 1500, delta: 500, ratio: 0.5, flagged: true },
      total_tokens: { base: 30, head: 31, delta: 1, ratio: 0.033, flagged: false },
      cost_usd: { base: 0.0002, head: 0.0002, delta: 0, ratio: 0, flagged: false },
      output_diff: [
        { op: 'same', text: 'The capital of France' },
        { op: 'removed', text: 'is Lyon.' },
        { op: 'added', text: 'is Paris.' },
      ],
      output_diff_truncated: true,
      regressed: true,
    };
    host.compareResult = comparison;
    view = await openWorkspace(browser, host, '#/compare/runs');
    const { page } = view;
    await page.locator('#compare-test').selectOption('capital');
    await expect.poll(() => page.locator('#compare-base option').count()).toBe(61);
    await page.locator('#compare-base').selectOption(base.id);
    await page.locator('#compare-head').selectOption(head.id);
    await page.locator('.comparison').waitFor();
    expect(host.callsOf('compareRuns')).toEqual([[base.id, head.id]]);
    expect(await page.locator('.changes').evaluateAll((groups) => groups.map((group) => group.getAttribute('data-group')))).toEqual(['regressions', 'fixed', 'rest']);
    expect(await page.locator('#compare-verdict').textContent()).toBe('Regressed: 1 assertion went from pass to fail.');
    expect(await page.locator('[data-metric="latency"]').textContent()).toBe('Latency1000 ms1500 ms+500 ms (+50 %) past the threshold');
    expect(await page.locator('[data-metric="latency"]').getAttribute('class')).toBe('flagged');
    expect(await page.locator('[data-metric="tokens"]').getAttribute('class')).toBe('');
    expect(await page.locator('.diff-line').evaluateAll((lines) => lines.map((line) => line.className))).toEqual(['diff-line same', 'diff-line removed', 'diff-line added']);
    expect(await page.locator('#diff-truncated').textContent()).toContain('covers their beginnings only');
    await screenshot(page, 'compare-runs');

    host.compareResult = undefined;
    await view.open(`#/compare/runs?base=${base.id}&head=${host.runs.at(-1)!.id}`);
    await page.getByRole('alert').filter({ hasText: 'These runs cannot be compared' }).waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('Only runs of the same test can be compared');
  });

  it('compares two suite runs: regressions, fixed, new and removed cases, pass-rate delta', async () => {
    const base = suiteRun('a'.repeat(24), { id: 'nightly', name: 'Nightly' }, ['one', 'two'], { status: 'completed' });
    const head = suiteRun('b'.repeat(24), { id: 'nightly', name: 'Nightly' }, ['one', 'three'], { status: 'completed' });
    host.suiteRuns.set(base.id, base);
    host.suiteRuns.set(head.id, head);
    const comparison: SuiteRunComparison = {
      base,
      head,
      regressions: [{ name: 'one', change: 'regression', base: { index: 0, state: 'passed', run_id: 'r1' }, head: { index: 0, state: 'failed', run_id: 'r2' }, latency_ms: { base: 100, head: 300, delta: 200, ratio: 2, flagged: true }, total_tokens: null, cost_usd: null }],
      fixed: [],
      new_cases: [{ name: 'three', change: 'new', base: null, head: { index: 1, state: 'passed', run_id: 'r3' }, latency_ms: null, total_tokens: null, cost_usd: null }],
      removed_cases: [{ name: 'two', change: 'removed', base: { index: 1, state: 'passed', run_id: 'r4' }, head: null, latency_ms: null, total_tokens: null, cost_usd: null }],
      unchanged: [],
      pass_rate: { base: 1, head: 0.5, delta: -0.5, ratio: -0.5, flagged: true },
      latency_ms: { base: 100, head: 200, delta: 100, ratio: 1, flagged: true },
      total_tokens: { base: 10, head: 10, delta: 0, ratio: 0, flagged: false },
      cost_usd: { base: null, head: null, delta: null, ratio: null, flagged: false },
    };
    host.suiteCompareResult = comparison;
    view = await openWorkspace(browser, host, `#/compare/suite-runs?base=${base.id}&head=${head.id}`);
    const { page } = view;
    await page.locator('.comparison').waitFor();
    expect(await page.locator('.changes').evaluateAll((groups) => groups.map((group) => group.getAttribute('data-group')))).toEqual(['regressions', 'new', 'removed']);
    expect(await page.locator('#compare-verdict').textContent()).toBe('1 case regressed.');
    expect(await page.locator('[data-metric="passRate"]').textContent()).toBe('Pass rate100 %50 %−50 % (−50 %) past the threshold');
    expect(await page.locator('[data-metric="cost"] td').last().textContent()).toBe('not comparable');
    expect(await page.locator('.changes.regressions a').getAttribute('href')).toBe('#/compare/runs?base=r1&head=r2');
  });

  it('draws a chart per test of pass/fail and latency over its runs, oldest first, each run a link', async () => {
    view = await openWorkspace(browser, host, '#/trends');
    const { page } = view;
    const capital = page.locator('[data-test-id="capital"]');
    await capital.locator('.trend-chart').waitFor();
    const points = capital.locator('.trend-run');
    expect(await points.count()).toBe(50);
    const passed = await points.evaluateAll((items) => items.map((item) => item.getAttribute('data-passed')));
    // Newest 50 of 60, oldest first: run index 49 down to 0; every third index failed.
    expect(passed).toEqual(Array.from({ length: 50 }, (_, i) => String((49 - i) % 3 !== 0)));
    const ys = await capital.locator('.latency-point').evaluateAll((items) => items.map((item) => Number(item.getAttribute('cy'))));
    expect(ys[0]).toBeGreaterThan(ys.at(-1) as number); // latency rises over time: later points sit higher
    expect(await capital.locator('.trend-chart').getAttribute('aria-label')).toBe('Capital of France: 50 runs, 33 passed; latency up to 2000 ms');
    expect(await capital.locator('.trend-summary').textContent()).toBe('50 runs · pass rate 66 % · median latency 1510 ms');
    expect(await page.locator('[data-test-id="weather-tool"]').textContent()).toContain('No runs yet.');
    await screenshot(page, 'trends');
    await points.first().locator('rect').click();
    await page.waitForURL(/#\/runs\/[0-9a-f]{24}$/);
  });
});
