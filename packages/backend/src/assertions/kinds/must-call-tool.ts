import { LISTED_ITEMS_LIMIT } from '../limits.js';
import { cutText, quoteList } from '../text/excerpt.js';
import type { AssertionOutcome, AssertionValue, PreparedAssertion } from '../types.js';

/** Names of the tools called, each once, in the order first called. */
function calledNames(calls: readonly { readonly name: string }[]): string[] {
  return [...new Set(calls.map((call) => call.name))];
}

/** The called names as `actual`: at most `LISTED_ITEMS_LIMIT`, then `"… and N more"`. */
function listForActual(names: readonly string[]): readonly string[] {
  const shown = names.slice(0, LISTED_ITEMS_LIMIT).map((name) => cutText(name));
  return names.length > shown.length ? [...shown, `… and ${names.length - shown.length} more`] : shown;
}

/**
 * `must_call_tool`: every named tool was called at least once (a name, or a list: all of them).
 * Names compare exactly; how often, with which arguments and in which order are not checked.
 */
export function mustCallToolAssertion(expected: AssertionValue, names: readonly string[], field: string): PreparedAssertion {
  const wanted = [...new Set(names)];
  return {
    kind: 'must_call_tool',
    field,
    expected,
    regexProgramSize: 0,
    evaluate({ toolCalls }): AssertionOutcome {
      const called = calledNames(toolCalls);
      const actual = listForActual(called);
      const calledSet = new Set(called);
      const missing = wanted.filter((name) => !calledSet.has(name));
      if (missing.length === 0) {
        const what = wanted.length === 1 ? quoteList(wanted) : `all ${wanted.length} tools: ${quoteList(wanted)}`;
        return { passed: true, actual, message: `the model called ${what}` };
      }
      if (called.length === 0) return { passed: false, actual, message: `the model called no tool; expected ${quoteList(wanted)}` };
      return { passed: false, actual, message: `the model did not call ${quoteList(missing)}; it called ${quoteList(called)}` };
    },
  };
}
