import { MAX_REGEX_WORK } from './limits.js';
import type { AssertionResult, AssertionSubject, EvaluationContext, PreparedAssertion } from './types.js';

/** Each regex-using assertion's equal share of `MAX_REGEX_WORK`, and a fresh cache of facts. */
function contextFor(prepared: readonly PreparedAssertion[]): EvaluationContext {
  const regexUsers = prepared.filter((assertion) => assertion.regexProgramSize > 0).length;
  const facts = new Map<string, unknown>();
  return {
    regexWorkLimit: Math.floor(MAX_REGEX_WORK / Math.max(1, regexUsers)),
    remember<T>(key: string, compute: () => T): T {
      if (!facts.has(key)) facts.set(key, compute());
      return facts.get(key) as T;
    },
  };
}

/** Runs one assertion; a bug that throws fails that assertion instead of losing the answer. */
function evaluateOne(assertion: PreparedAssertion, subject: AssertionSubject, context: EvaluationContext): AssertionResult {
  const { kind, expected } = assertion;
  try {
    return { kind, expected, ...assertion.evaluate(subject, context) };
  } catch (error) {
    return { kind, expected, actual: null, passed: false, message: `could not be checked: ${(error as Error).message}` };
  }
}

/**
 * Runs every prepared assertion against the answer, in the spec's order. Synchronous and bounded:
 * regexes match in linear time within a shared work budget, everything else is linear in the output.
 * @returns `success` only when every assertion passed (an empty list succeeds).
 */
export function evaluateAssertions(prepared: readonly PreparedAssertion[], subject: AssertionSubject): { success: boolean; results: AssertionResult[] } {
  const context = contextFor(prepared);
  const results = prepared.map((assertion) => evaluateOne(assertion, subject, context));
  return { success: results.every((result) => result.passed), results };
}
