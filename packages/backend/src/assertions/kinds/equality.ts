import { formatCount } from '../text/format-number.js';
import { cutText, describeBeginning, excerptAround, quote } from '../text/excerpt.js';
import { MESSAGE_QUOTE_LIMIT } from '../limits.js';
import type { AssertionOutcome, PreparedAssertion } from '../types.js';

/** Length of the common prefix of two texts. */
function commonPrefixLength(left: string, right: string): number {
  const limit = Math.min(left.length, right.length);
  let index = 0;
  while (index < limit && left.charCodeAt(index) === right.charCodeAt(index)) index += 1;
  return index;
}

/** Both texts from just before where they first differ, quoted for a message. */
function describeDifference(expected: string, actual: string): string {
  const index = commonPrefixLength(expected, actual);
  const show = (text: string): string => JSON.stringify(excerptAround(text, index, 1, MESSAGE_QUOTE_LIMIT));
  const where = index === 0 ? 'from the first character' : `after ${formatCount(index)} matching characters`;
  return `${where}: expected ${show(expected)}, got ${show(actual)}`;
}

/**
 * `equals`: the output, with leading and trailing whitespace removed, is exactly the expected text
 * (also trimmed). Case-sensitive.
 */
export function equalsAssertion(expected: string, field: string): PreparedAssertion {
  const wanted = expected.trim();
  return {
    kind: 'equals',
    field,
    expected,
    regexProgramSize: 0,
    evaluate({ output }): AssertionOutcome {
      const seen = output.trim();
      if (seen === wanted) return { passed: true, actual: cutText(seen), message: 'output equals the expected text (case-sensitive, surrounding whitespace ignored)' };
      return { passed: false, actual: cutText(seen), message: `output differs from the expected text ${describeDifference(wanted, seen)}` };
    },
  };
}

/** `starts_with`: the output, leading whitespace ignored, begins with the text. Case-sensitive. */
export function startsWithAssertion(expected: string, field: string): PreparedAssertion {
  return {
    kind: 'starts_with',
    field,
    expected,
    regexProgramSize: 0,
    evaluate({ output }): AssertionOutcome {
      const seen = output.trimStart();
      const actual = cutText(seen);
      if (seen.startsWith(expected)) return { passed: true, actual, message: `output starts with ${quote(expected)} (case-sensitive)` };
      return { passed: false, actual, message: `output does not start with ${quote(expected)} (case-sensitive); ${describeBeginning(seen)}` };
    },
  };
}
