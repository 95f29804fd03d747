import type { AssertionKind, AssertionResult, AssertionSubject, PreparedAssertion } from './types.js';

/** Shared shape of the numeric assertions: measure the subject, compare with the bound, explain. */
export function boundAssertion(
  kind: AssertionKind,
  expected: number,
  measure: (subject: AssertionSubject) => number,
  holds: (actual: number) => boolean,
  describe: (actual: number, passed: boolean) => string,
): PreparedAssertion {
  return {
    kind,
    expected,
    evaluate(subject): AssertionResult {
      const actual = measure(subject);
      const passed = holds(actual);
      return { kind, expected, passed, message: describe(actual, passed) };
    },
  };
}
