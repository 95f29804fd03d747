import { cutText, describeBeginning, excerptAround, quote, quoteAround, quoteList } from '../text/excerpt.js';
import type { AssertionKind, AssertionOutcome, AssertionValue, PreparedAssertion } from '../types.js';

/** How many of the texts must appear: all of them, at least one, or none. */
export type PresenceMode = 'all' | 'any' | 'none';

/** One text-presence check (`must_contain`, `icontains`, `contains_any`, ...). */
export interface PresenceCheck {
  readonly kind: AssertionKind;
  readonly field: string;
  readonly expected: AssertionValue;
  readonly texts: readonly string[];
  readonly mode: PresenceMode;
  /** Compare lower-cased (JavaScript's locale-independent `toLowerCase`) instead of exactly. */
  readonly ignoreCase: boolean;
}

interface Found {
  readonly text: string;
  readonly index: number;
}

/** Where each text first occurs (index -1 when absent), in the order the spec lists them. */
function locate(output: string, texts: readonly string[], ignoreCase: boolean): Found[] {
  const haystack = ignoreCase ? output.toLowerCase() : output;
  return texts.map((text) => ({ text, index: haystack.indexOf(ignoreCase ? text.toLowerCase() : text) }));
}

function earliest(found: readonly Found[]): Found | undefined {
  return found.reduce<Found | undefined>((best, item) => (best === undefined || item.index < best.index ? item : best), undefined);
}

/** Decides and explains one check over the located texts. */
function judge(check: PresenceCheck, output: string, found: readonly Found[]): AssertionOutcome {
  const caseNote = check.ignoreCase ? 'case-insensitive' : 'case-sensitive';
  const present = found.filter((item) => item.index >= 0);
  const absent = found.filter((item) => item.index < 0).map((item) => item.text);
  const first = earliest(present);
  const around = first === undefined ? cutText(output) : excerptAround(output, first.index, first.text.length);
  const at = first === undefined ? '' : `: ${quoteAround(output, first.index, first.text.length)}`;
  const count = found.length;
  const single = count === 1 ? quote(found[0]?.text ?? '') : undefined;
  switch (check.mode) {
    case 'all':
      if (absent.length === 0) {
        return { passed: true, actual: around, message: `output contains ${single ?? `all ${count} texts`} (${caseNote})${at}` };
      }
      return {
        passed: false,
        actual: cutText(output),
        message: `output does not contain ${quoteList(absent)} (${single === undefined ? `${absent.length} of ${count} texts missing, ` : ''}${caseNote}); ${describeBeginning(output)}`,
      };
    case 'any':
      if (first !== undefined) {
        return { passed: true, actual: around, message: `output contains ${quote(first.text)} (${caseNote}), one of ${count} texts${at}` };
      }
      return { passed: false, actual: cutText(output), message: `output contains none of ${quoteList(check.texts)} (${caseNote}); ${describeBeginning(output)}` };
    case 'none':
      if (first === undefined) {
        return { passed: true, actual: cutText(output), message: `output does not contain ${single ?? `any of ${count} texts`} (${caseNote})` };
      }
      return {
        passed: false,
        actual: around,
        message: `output contains ${quoteList(present.map((item) => item.text))} (${single === undefined ? `${present.length} of ${count} forbidden texts, ` : ''}${caseNote})${at}`,
      };
  }
}

/** A prepared assertion that checks which of the texts occur in the output. */
export function presenceAssertion(check: PresenceCheck): PreparedAssertion {
  return {
    kind: check.kind,
    field: check.field,
    expected: check.expected,
    regexProgramSize: 0,
    evaluate: ({ output }) => judge(check, output, locate(output, check.texts, check.ignoreCase)),
  };
}
