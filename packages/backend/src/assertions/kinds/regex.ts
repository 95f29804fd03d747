import { MATCH_EXCERPT_WORK, MESSAGE_QUOTE_LIMIT } from '../limits.js';
import type { CompiledRegex } from '../regex/compile-regex.js';
import { cutText, describeBeginning, excerptAround, quote } from '../text/excerpt.js';
import { formatCount } from '../text/format-number.js';
import type { AssertionOutcome, EvaluationContext, PreparedAssertion } from '../types.js';

/** The outcome when matching would exceed the assertion's share of the regex work budget. */
export function overWorkLimit(what: string, outputLength: number, programSize: number, limit: number): AssertionOutcome {
  const work = outputLength * programSize;
  return {
    passed: false,
    actual: null,
    message:
      `not checked: ${what} on this output (${formatCount(outputLength)} characters × ${formatCount(programSize)} RE2 instructions = ` +
      `${formatCount(work)}) is over this assertion's regex work limit of ${formatCount(limit)}; simplify the pattern or ask for a shorter answer`,
  };
}

/** `regex` / `regex_match`: the output contains a match of the pattern (RE2 syntax, linear time). */
export function regexAssertion(kind: 'regex' | 'regex_match', compiled: CompiledRegex, field: string): PreparedAssertion {
  const { regex, display, programSize } = compiled;
  const shown = cutText(display, MESSAGE_QUOTE_LIMIT);
  return {
    kind,
    field,
    expected: display,
    regexProgramSize: programSize,
    evaluate({ output }, { regexWorkLimit }: EvaluationContext): AssertionOutcome {
      const work = output.length * programSize;
      if (work > regexWorkLimit) return overWorkLimit(`matching ${shown}`, output.length, programSize, regexWorkLimit);
      if (!regex.test(output)) {
        return { passed: false, actual: cutText(output), message: `output does not match ${shown}; ${describeBeginning(output)}` };
      }
      const match = work <= MATCH_EXCERPT_WORK ? regex.exec(output) : null;
      if (match === null) return { passed: true, actual: cutText(output), message: `output matches ${shown}` };
      const text = String(match[0]);
      const index = Number((match as { index?: number }).index ?? 0);
      return { passed: true, actual: excerptAround(output, index, text.length), message: `output matches ${shown}: ${quote(text)}` };
    },
  };
}
