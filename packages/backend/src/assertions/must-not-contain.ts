import { quote } from './quote.js';
import type { AssertionResult, PreparedAssertion } from './types.js';

/** `must_not_contain`: the output does not contain the text (case-sensitive). */
export function mustNotContain(expected: string): PreparedAssertion {
  return {
    kind: 'must_not_contain',
    expected,
    evaluate({ output }): AssertionResult {
      const passed = !output.includes(expected);
      const message = passed ? `output does not contain ${quote(expected)}` : `output contains ${quote(expected)}`;
      return { kind: 'must_not_contain', expected, passed, message };
    },
  };
}
