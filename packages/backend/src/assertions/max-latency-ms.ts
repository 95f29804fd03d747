import { boundAssertion } from './bound-assertion.js';
import type { PreparedAssertion } from './types.js';

/** `max_latency_ms`: the model answered within this many milliseconds. */
export function maxLatencyMs(expected: number): PreparedAssertion {
  return boundAssertion(
    'max_latency_ms',
    expected,
    (subject) => subject.latencyMs,
    (actual) => actual <= expected,
    (actual, passed) => `latency ${actual} ms ${passed ? '<=' : '>'} ${expected} ms`,
  );
}
