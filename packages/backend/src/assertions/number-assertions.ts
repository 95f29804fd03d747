import type { AssertionKind, AssertionResult, PreparedAssertion } from './types.js';

function bound(
  kind: AssertionKind,
  expected: number,
  measure: (subject: { output: string; latencyMs: number }) => number,
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

/** `max_latency_ms`: the model answered within this many milliseconds. */
export function maxLatencyMs(expected: number): PreparedAssertion {
  return bound(
    'max_latency_ms',
    expected,
    (subject) => subject.latencyMs,
    (actual) => actual <= expected,
    (actual, passed) => `latency ${actual} ms ${passed ? '<=' : '>'} ${expected} ms`,
  );
}

/** `min_length`: the output has at least this many characters. */
export function minLength(expected: number): PreparedAssertion {
  return bound(
    'min_length',
    expected,
    (subject) => subject.output.length,
    (actual) => actual >= expected,
    (actual, passed) => `output length ${actual} ${passed ? '>=' : '<'} ${expected}`,
  );
}

/** `max_length`: the output has at most this many characters. */
export function maxLength(expected: number): PreparedAssertion {
  return bound(
    'max_length',
    expected,
    (subject) => subject.output.length,
    (actual) => actual <= expected,
    (actual, passed) => `output length ${actual} ${passed ? '<=' : '>'} ${expected}`,
  );
}
