import { describe, expect, it } from 'vitest';
import type { AssertionResult } from '../../src/contract/assertions.js';
import type { RunRecord } from '../../src/contract/run.js';
import type { SuiteRun, SuiteRunCase } from '../../src/contract/suite-run.js';
import {
  compareRuns,
  compareSuiteRuns,
  COST_REGRESSION_THRESHOLD,
  LATENCY_REGRESSION_THRESHOLD,
  MAX_DIFF_LINES,
  metricDelta,
  TOKENS_REGRESSION_THRESHOLD,
} from '../../src/compare/index.js';
import { newRun } from './helpers/records.js';

let counter = 0;
function run(overrides: Partial<RunRecord> = {}): RunRecord {
  counter += 1;
  return { id: counter.toString(16).padStart(24, '0'), ...newRun(), saved: true, ...overrides };
}

function result(kind: AssertionResult['kind'], expected: AssertionResult['expected'], passed: boolean): AssertionResult {
  return { kind, expected, actual: null, passed, message: `${kind} ${passed ? 'passed' : 'failed'}` };
}

describe('compareRuns', () => {
  it('classifies each assertion: regression, fixed, unchanged, added, removed (paired by kind and expected value)', () => {
    const base = run({ assertions: [result('must_contain', 'Paris', true), result('regex', '/^The/', false), result('max_length', 100, true), result('icontains', 'seine', true)] });
    const head = run({ assertions: [result('regex', '/^The/', true), result('must_contain', 'Paris', false), result('max_length', 100, true), result('equals', 'Paris', false)] });
    const comparison = compareRuns(base, head);
    expect(comparison.assertions.map((change) => [change.index, change.kind, change.change])).toEqual([
      [0, 'regex', 'fixed'],
      [1, 'must_contain', 'regression'],
      [2, 'max_length', 'unchanged'],
      [3, 'equals', 'added'],
      [3, 'icontains', 'removed'],
    ]);
    expect(comparison.regressions).toEqual([{ index: 1, kind: 'must_contain', expected: 'Paris', base_passed: true, head_passed: false, change: 'regression' }]);
    expect(comparison.fixed.map((change) => change.kind)).toEqual(['regex']);
    expect(comparison.regressed).toBe(true);
  });

  it('pairs repeated assertions in order (the n-th with the n-th)', () => {
    const base = run({ assertions: [result('must_contain', 'a', true), result('must_contain', 'a', false)] });
    const head = run({ assertions: [result('must_contain', 'a', true), result('must_contain', 'a', true)] });
    expect(compareRuns(base, head).assertions.map((change) => change.change)).toEqual(['unchanged', 'fixed']);
  });

  it.each([
    { metric: 'latency_ms' as const, threshold: LATENCY_REGRESSION_THRESHOLD, at: { latency_ms: 120 }, past: { latency_ms: 121 }, base: { latency_ms: 100 } },
    {
      metric: 'total_tokens' as const,
      threshold: TOKENS_REGRESSION_THRESHOLD,
      at: { usage: { input_tokens: 15, output_tokens: 100 } },
      past: { usage: { input_tokens: 16, output_tokens: 100 } },
      base: { usage: { input_tokens: 0, output_tokens: 100 } },
    },
    { metric: 'cost_usd' as const, threshold: COST_REGRESSION_THRESHOLD, at: { cost_usd: 0.011 }, past: { cost_usd: 0.0111 }, base: { cost_usd: 0.01 } },
  ])('flags $metric only past its threshold ($threshold), not at it, and never a decrease', ({ metric, threshold, at, past, base }) => {
    const before = run(base);
    const atThreshold = compareRuns(before, run(at))[metric];
    expect(atThreshold.ratio).toBeCloseTo(threshold, 9);
    expect(atThreshold.flagged).toBe(false);
    expect(compareRuns(before, run(at)).regressed).toBe(false);
    const pastThreshold = compareRuns(before, run(past));
    expect(pastThreshold[metric].flagged).toBe(true);
    expect(pastThreshold.regressed).toBe(true);
    expect(compareRuns(run(past), before)[metric].flagged).toBe(false);
  });

  it('reports the thresholds and unknown costs as null deltas, not flagged', () => {
    const comparison = compareRuns(run({ cost_usd: null }), run({ cost_usd: 5 }));
    expect(comparison.thresholds).toEqual({ latency: 0.2, tokens: 0.15, cost: 0.1 });
    expect(comparison.cost_usd).toEqual({ base: null, head: 5, delta: null, ratio: null, flagged: false });
    expect(metricDelta(0, 3, 0.2)).toEqual({ base: 0, head: 3, delta: 3, ratio: null, flagged: true });
    expect(metricDelta(0, 0, 0.2).flagged).toBe(false);
  });

  it('diffs the outputs line by line', () => {
    const comparison = compareRuns(run({ output: 'Paris\nis the capital\nof France\n' }), run({ output: 'Paris\nis the capital city\nof France\n' }));
    expect(comparison.output_diff).toEqual([
      { op: 'same', text: 'Paris' },
      { op: 'removed', text: 'is the capital' },
      { op: 'added', text: 'is the capital city' },
      { op: 'same', text: 'of France' },
    ]);
    expect(comparison.output_diff_truncated).toBe(false);
  });

  it('bounds the diff of huge outputs and says it is truncated', () => {
    const lines = Array.from({ length: 50_000 }, (_unused, index) => `line ${index}`);
    const edited = lines.map((line, index) => (index === 10 ? 'line ten' : line));
    const similar = compareRuns(run({ output: lines.join('\n') }), run({ output: edited.join('\n') }));
    expect(similar.output_diff.length).toBeLessThanOrEqual(MAX_DIFF_LINES);
    expect(similar.output_diff_truncated).toBe(true);
    expect(similar.output_diff.slice(9, 12)).toEqual([{ op: 'same', text: 'line 9' }, { op: 'removed', text: 'line 10' }, { op: 'added', text: 'line ten' }]);
  });

  it('shows a wholly different huge output as the start of base removed and the start of head added', () => {
    const base = Array.from({ length: 5_000 }, (_unused, index) => `base ${index}`).join('\n');
    const head = Array.from({ length: 5_000 }, (_unused, index) => `head ${index}`).join('\n');
    const { output_diff: diff, output_diff_truncated: truncated } = compareRuns(run({ output: base }), run({ output: head }));
    expect(truncated).toBe(true);
    expect(diff).toHaveLength(MAX_DIFF_LINES);
    expect(diff[0]).toEqual({ op: 'removed', text: 'base 0' });
    expect(diff[MAX_DIFF_LINES / 2]).toEqual({ op: 'added', text: 'head 0' });
  });

  it('refuses runs of different tests with COMPARE_MISMATCH: by library id, or by name when neither has one', () => {
    expect(() => compareRuns(run({ test_id: 'capital' }), run({ test_id: 'json' }))).toThrow(expect.objectContaining({ code: 'COMPARE_MISMATCH', statusCode: 400 }));
    expect(() => compareRuns(run({ test_id: 'capital' }), run({ test_id: null }))).toThrow(/base is of test capital, head of test "capital" \(no library id\)/);
    expect(() => compareRuns(run({ name: 'a' }), run({ name: 'b' }))).toThrow(expect.objectContaining({ code: 'COMPARE_MISMATCH', details: { base: 'a', head: 'b' } }));
    expect(compareRuns(run({ test_id: 'capital', name: 'old name' }), run({ test_id: 'capital', name: 'new name' })).regressed).toBe(false);
  });
});

function suiteRun(cases: Array<[string, SuiteRunCase['state'], string | null]>, suite: Partial<SuiteRun['suite']> = {}): SuiteRun {
  const passed = cases.filter(([, state]) => state === 'passed').length;
  return {
    id: `suite-${Math.random()}`,
    suite: { id: 'geo', name: 'Geography', version: '1', ...suite },
    status: 'completed',
    total: cases.length,
    done: cases.length,
    passed,
    failed: cases.filter(([, state]) => state === 'failed').length,
    errors: cases.filter(([, state]) => state === 'error').length,
    concurrency: 4,
    cache: false,
    rerun_of: null,
    started_at: '2026-11-22T03:00:00.000Z',
    finished_at: '2026-11-22T03:01:00.000Z',
    cases: cases.map(([name, state, runId], index) => ({ index, name, state, run_id: runId, error: state === 'error' ? { code: 'UPSTREAM_ERROR', message: 'x' } : null })),
  };
}

describe('compareSuiteRuns', () => {
  it('lists regressions first, then fixed, new and removed cases, paired by name (duplicates in order), with pass rate and totals', () => {
    const runs = new Map<string, RunRecord>([
      ['b1', run({ latency_ms: 100, usage: { input_tokens: 50, output_tokens: 50 }, cost_usd: 0.01 })],
      ['b2', run({ latency_ms: 100, usage: { input_tokens: 50, output_tokens: 50 }, cost_usd: 0.01 })],
      ['h1', run({ latency_ms: 200, usage: { input_tokens: 50, output_tokens: 50 }, cost_usd: 0.01 })],
      ['h2', run({ latency_ms: 100, usage: { input_tokens: 50, output_tokens: 50 }, cost_usd: 0.02 })],
    ]);
    const base = suiteRun([['capital', 'passed', 'b1'], ['dup', 'passed', 'b2'], ['dup', 'error', null], ['json', 'failed', null], ['gone', 'passed', null]]);
    const head = suiteRun([['dup', 'failed', 'h1'], ['capital', 'passed', 'h2'], ['dup', 'passed', null], ['json', 'error', null], ['fresh', 'failed', null]]);
    const comparison = compareSuiteRuns(base, head, runs);
    expect(comparison.regressions.map((entry) => [entry.name, entry.base?.index, entry.head?.index])).toEqual([['dup', 1, 0]]);
    expect(comparison.regressions[0]?.latency_ms).toMatchObject({ base: 100, head: 200, flagged: true });
    expect(comparison.fixed.map((entry) => [entry.name, entry.base?.index, entry.head?.index])).toEqual([['dup', 2, 2]]);
    expect(comparison.new_cases.map((entry) => entry.name)).toEqual(['fresh']);
    expect(comparison.removed_cases.map((entry) => [entry.name, entry.base?.index, entry.head])).toEqual([['gone', 4, null]]);
    expect(comparison.unchanged.map((entry) => entry.name)).toEqual(['capital', 'json']);
    expect(comparison.unchanged[0]?.cost_usd).toMatchObject({ base: 0.01, head: 0.02, flagged: true });
    expect(comparison.pass_rate).toMatchObject({ base: 0.6, head: 0.4, flagged: true });
    expect(comparison.latency_ms).toMatchObject({ base: 100, head: 150, flagged: true });
    expect(comparison.total_tokens).toMatchObject({ base: 200, head: 200, flagged: false });
    expect(comparison.cost_usd).toMatchObject({ base: 0.02, flagged: true });
  });

  it('refuses runs of different suites with COMPARE_MISMATCH', () => {
    expect(() => compareSuiteRuns(suiteRun([], { id: 'geo' }), suiteRun([], { id: 'other' }), new Map())).toThrow(expect.objectContaining({ code: 'COMPARE_MISMATCH' }));
    expect(() => compareSuiteRuns(suiteRun([], { id: null, name: 'A' }), suiteRun([], { id: null, name: 'B' }), new Map())).toThrow(/same suite/);
  });
});
