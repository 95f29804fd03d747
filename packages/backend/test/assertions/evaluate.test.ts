import { describe, expect, it, vi } from 'vitest';
import { evaluateAssertions, prepareAssertions, type PreparedAssertion } from '../../src/assertions/index.js';
import { BASE_SUBJECT } from './subject.js';

describe('evaluateAssertions', () => {
  it('succeeds only when every assertion passes', () => {
    const passing = prepareAssertions([{ must_contain: 'Paris' }, { max_length: 100 }]);
    const failing = prepareAssertions([{ must_contain: 'Paris' }, { max_length: 10 }]);
    expect(evaluateAssertions(passing, BASE_SUBJECT).success).toBe(true);
    expect(evaluateAssertions(failing, BASE_SUBJECT)).toMatchObject({ success: false, results: [{ passed: true }, { passed: false }] });
  });

  it('succeeds with no assertions', () => {
    expect(evaluateAssertions([], BASE_SUBJECT)).toEqual({ success: true, results: [] });
  });

  it('fails an assertion that throws instead of losing the other results', () => {
    const broken: PreparedAssertion = {
      kind: 'equals',
      field: 'test_spec.assertions[0]',
      expected: 'x',
      regexProgramSize: 0,
      evaluate: () => {
        throw new Error('boom');
      },
    };
    const [first, second] = evaluateAssertions([broken, ...prepareAssertions([{ must_contain: 'Paris' }])], BASE_SUBJECT).results;
    expect(first).toEqual({ kind: 'equals', expected: 'x', actual: null, passed: false, message: 'could not be checked: boom' });
    expect(second?.passed).toBe(true);
  });

  it('fails max_cost_usd when the cost is unknown, even with a generous limit', () => {
    const prepared = prepareAssertions([{ max_cost_usd: 1_000 }]);
    const { success, results } = evaluateAssertions(prepared, { ...BASE_SUBJECT, costUsd: null, model: 'gpt-unknown' });
    expect(success).toBe(false);
    expect(results[0]).toMatchObject({ actual: null, message: expect.stringMatching(/^cost unknown: no price is known for the model "gpt-unknown"/) });
  });

  it('reads the output as JSON once for all the checks that need it', () => {
    const output = JSON.stringify({ items: Array.from({ length: 10 }, (_, index) => index) });
    const prepared = prepareAssertions([{ is_json: true }, { output_type: 'json' }, { output_type: 'structured' }, { is_json: { schema: { type: 'object' } } }]);
    const parse = vi.spyOn(JSON, 'parse');
    try {
      expect(evaluateAssertions(prepared, { ...BASE_SUBJECT, output }).success).toBe(true);
      expect(parse).toHaveBeenCalledTimes(1);
    } finally {
      parse.mockRestore();
    }
  });
});
