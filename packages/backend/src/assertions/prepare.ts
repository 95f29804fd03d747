import { ASSERTION_KINDS, type AssertionKind, type AssertionSpec } from '../contract/assertions.js';
import { invalidAssertion } from './errors.js';
import { PREPARERS } from './registry.js';
import type { PreparedAssertion } from './types.js';

const KINDS: ReadonlySet<string> = new Set(ASSERTION_KINDS);
const REGEX_KINDS: ReadonlySet<string> = new Set(['regex', 'regex_match']);

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** The one kind an assertion object names; anything else about its keys is an error naming them. */
function kindOf(spec: unknown, field: string): AssertionKind {
  if (!isRecord(spec)) throw invalidAssertion(field, 'must be an object with one assertion kind, e.g. { must_contain: "Paris" }');
  const keys = Object.keys(spec);
  const unknown = keys.find((key) => !KINDS.has(key) && key !== 'flags');
  if (unknown !== undefined) throw invalidAssertion(`${field}.${unknown}`, `is not an assertion kind; use one of ${ASSERTION_KINDS.join(', ')}`);
  const kinds = keys.filter((key) => KINDS.has(key)) as AssertionKind[];
  const [kind] = kinds;
  if (kinds.length !== 1 || kind === undefined) {
    throw invalidAssertion(field, `must have exactly one assertion kind${kinds.length > 1 ? ` (has ${kinds.join(', ')})` : ''}`);
  }
  if (spec.flags !== undefined && !REGEX_KINDS.has(kind)) throw invalidAssertion(`${field}.flags`, 'is only allowed beside regex or regex_match');
  return kind;
}

/** Pairs of kinds whose limits contradict when the minimum is over the maximum. */
const RANGES = [
  ['min_tokens', 'max_tokens'],
  ['min_length', 'max_length'],
] as const;

/** Refuses a spec no output can pass: a minimum over a maximum of the same figure. */
function checkRanges(prepared: readonly PreparedAssertion[]): void {
  for (const [minKind, maxKind] of RANGES) {
    const minimum = prepared.filter((assertion) => assertion.kind === minKind);
    const maximum = prepared.filter((assertion) => assertion.kind === maxKind);
    for (const low of minimum) {
      const high = maximum.find((assertion) => (assertion.expected as number) < (low.expected as number));
      if (high !== undefined) {
        throw invalidAssertion(`${high.field}.${maxKind}`, `is ${String(high.expected)}, under ${minKind} ${String(low.expected)} at ${low.field}: no output can pass both`);
      }
    }
  }
}

/**
 * Checks a spec's assertions and turns them into runnable ones. Runs before any model call, so a
 * bad assertion costs nothing: regexes compile under RE2 (linear-time matching), flags are valid,
 * `is_json` schemas compile under Ajv, numbers make sense.
 * @param field How the request names the list, for errors (`test_spec.assertions[3].regex_match`).
 * @throws BackendError `UNSAFE_REGEX` for a regex problem, `VALIDATION_ERROR` for any other, with `details.field`.
 */
export function prepareAssertions(specs: readonly AssertionSpec[], field = 'test_spec.assertions'): PreparedAssertion[] {
  const prepared = specs.map((spec: unknown, index) => {
    const assertionField = `${field}[${index}]`;
    return PREPARERS[kindOf(spec, assertionField)](spec as Readonly<Record<string, unknown>>, assertionField);
  });
  checkRanges(prepared);
  return prepared;
}
