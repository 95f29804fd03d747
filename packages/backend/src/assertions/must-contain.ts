import { quote } from './quote.js';
import type { AssertionResult, PreparedAssertion } from './types.js';

/** `must_contain`: the output contains the text (case-sensitive). */
export function mustContain(expected: string): PreparedAssertion {
  return {
    kind: 'must_contain',
    expected,
    evaluate({ output }): AssertionResult {
      const passed = output.includes(expected);
      const message = passed ? `output contains ${quote(expected)}` : `output does not contain ${quote(expected)}`;
      return { kind: 'must_contain', expected, passed, message };
    },
  };
}
