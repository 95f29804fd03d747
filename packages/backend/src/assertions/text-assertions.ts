import type { AssertionResult, PreparedAssertion } from './types.js';

function quote(text: string): string {
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 77)}...` : text);
}

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
