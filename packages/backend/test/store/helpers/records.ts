import type { ModelAnswer } from '../../../src/contract/run.js';
import type { NewRun, NewSuiteRun } from '../../../src/store/index.js';

/** A complete run to insert, with fields overridable. */
export function newRun(overrides: Partial<NewRun> = {}): NewRun {
  return {
    name: 'capital',
    success: true,
    provider: 'anthropic',
    model: 'claude-test-1',
    response_model: 'claude-test-1-20260101',
    output: 'Paris is the capital of France.\nIt is on the Seine.',
    tool_calls: [],
    assertions: [{ kind: 'must_contain', expected: 'Paris', actual: 'Paris is the…', passed: true, message: 'output contains "Paris"' }],
    latency_ms: 100,
    usage: { input_tokens: 40, output_tokens: 60 },
    cost_usd: 0.01,
    stop_reason: 'end_turn',
    started_at: '2026-11-22T03:00:00.000Z',
    finished_at: '2026-11-22T03:00:00.100Z',
    spec: { name: 'capital', model: 'claude-test-1', inputs: { query: 'What is the capital of France?' }, assertions: [{ must_contain: 'Paris' }] },
    request: { provider: 'anthropic', model: 'claude-test-1', messages: [{ role: 'user', content: 'What is the capital of France?' }], max_tokens: 1024 },
    notes: [],
    test_id: null,
    suite_run_id: null,
    case_index: null,
    tags: [],
    answer_source: 'provider',
    ...overrides,
  };
}

/** A suite run plan with `count` cases named case-0, case-1... (or the given names). */
export function newSuiteRun(names: readonly string[] = ['case-0', 'case-1', 'case-2'], overrides: Partial<NewSuiteRun> = {}): NewSuiteRun {
  return {
    suite: { id: 'geo', name: 'Geography', version: '1' },
    definition: { name: 'Geography', version: '1', tests: names.map((name) => ({ name })) },
    concurrency: 4,
    cache: false,
    rerun_of: null,
    cases: names.map((name, index) => ({
      name,
      spec: { name, model: 'claude-test-1', inputs: { query: `question ${index}` }, assertions: [{ must_contain: 'x' }] },
      request: { provider: 'anthropic', model: 'claude-test-1', messages: [{ role: 'user', content: `question ${index}` }], max_tokens: 64 },
    })),
    ...overrides,
  };
}

/** A model answer. */
export function answer(output = 'Paris'): ModelAnswer {
  return { output, tool_calls: [], usage: { input_tokens: 3, output_tokens: 4 }, response_model: 'claude-test-1-20260101', stop_reason: 'end_turn' };
}

/** One line of the old runs.jsonl, as the JSONL history wrote it. */
export function legacyLine(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({
    id: '019a9c1f3e2a0000d95b8fb3',
    name: 'capital of France',
    success: true,
    output: 'The capital of France is Paris.',
    assertions: [
      { kind: 'must_contain', expected: 'Paris', passed: true, message: 'output contains "Paris"' },
      { kind: 'regex', expected: '/^the capital/i', passed: true, message: 'output matches /^the capital/i' },
    ],
    latency_ms: 812,
    usage: { input_tokens: 24, output_tokens: 9 },
    model: 'claude-sonnet-4-6',
    started_at: '2026-11-22T03:00:00.000Z',
    finished_at: '2026-11-22T03:00:00.812Z',
    stop_reason: 'end_turn',
    ...overrides,
  });
}
