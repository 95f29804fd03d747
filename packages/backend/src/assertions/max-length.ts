import { boundAssertion } from './bound-assertion.js';
import type { PreparedAssertion } from './types.js';

/** `max_length`: the output has at most this many characters. */
export function maxLength(expected: number): PreparedAssertion {
  return boundAssertion(
    'max_length',
    expected,
    (subject) => subject.output.length,
    (actual) => actual <= expected,
    (actual, passed) => `output length ${actual} ${passed ? '<=' : '>'} ${expected}`,
  );
}
