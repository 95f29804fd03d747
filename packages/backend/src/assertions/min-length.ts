import { boundAssertion } from './bound-assertion.js';
import type { PreparedAssertion } from './types.js';

/** `min_length`: the output has at least this many characters. */
export function minLength(expected: number): PreparedAssertion {
  return boundAssertion(
    'min_length',
    expected,
    (subject) => subject.output.length,
    (actual) => actual >= expected,
    (actual, passed) => `output length ${actual} ${passed ? '>=' : '<'} ${expected}`,
  );
}
