import { validationError } from '../app/errors.js';
import { maxLatencyMs } from './max-latency-ms.js';
import { maxLength } from './max-length.js';
import { minLength } from './min-length.js';
import { mustContain } from './must-contain.js';
import { mustNotContain } from './must-not-contain.js';
import { regexAssertion } from './regex-assertion.js';
import { ASSERTION_KINDS, type AssertionKind, type AssertionResult, type AssertionSpec, type AssertionSubject, type PreparedAssertion } from './types.js';

export * from './types.js';

function kindOf(spec: AssertionSpec, field: string): AssertionKind {
  const kinds = ASSERTION_KINDS.filter((kind) => spec[kind] !== undefined);
  const [kind] = kinds;
  if (kinds.length !== 1 || kind === undefined) {
    throw validationError(field, `must have exactly one of ${ASSERTION_KINDS.join(', ')}`);
  }
  if (spec.flags !== undefined && kind !== 'regex') throw validationError(`${field}.flags`, 'is only allowed with regex');
  return kind;
}

/** Checks one assertion spec and turns it into a runnable assertion. `field` names it in errors. */
export function prepareAssertion(spec: AssertionSpec, field: string): PreparedAssertion {
  const kind = kindOf(spec, field);
  const value = spec[kind];
  const isText = kind === 'must_contain' || kind === 'must_not_contain' || kind === 'regex';
  if (isText !== (typeof value === 'string')) {
    throw validationError(`${field}.${kind}`, `must be ${isText ? 'a string' : 'an integer'}`);
  }
  switch (kind) {
    case 'must_contain':
      return mustContain(value as string);
    case 'must_not_contain':
      return mustNotContain(value as string);
    case 'regex':
      return regexAssertion(value as string, spec.flags ?? '', `${field}.regex`);
    case 'max_latency_ms':
      return maxLatencyMs(value as number);
    case 'min_length':
      return minLength(value as number);
    case 'max_length':
      return maxLength(value as number);
  }
}

/** Prepares every assertion of a spec (before any model call, so bad ones cost nothing). */
export function prepareAssertions(specs: readonly AssertionSpec[], field = 'test_spec.assertions'): PreparedAssertion[] {
  return specs.map((spec, index) => prepareAssertion(spec, `${field}[${index}]`));
}

/** Runs every assertion; `success` only when all of them passed. */
export function evaluateAssertions(
  assertions: readonly PreparedAssertion[],
  subject: AssertionSubject,
): { success: boolean; results: AssertionResult[] } {
  const results = assertions.map((assertion) => assertion.evaluate(subject));
  return { success: results.every((result) => result.passed), results };
}
