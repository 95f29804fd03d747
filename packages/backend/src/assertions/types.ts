/** The assertion kinds a test spec may use. */
export const ASSERTION_KINDS = [
  'must_contain',
  'must_not_contain',
  'regex',
  'max_latency_ms',
  'min_length',
  'max_length',
] as const;

export type AssertionKind = (typeof ASSERTION_KINDS)[number];

/** One assertion as written in a test spec, e.g. `{ must_contain: 'Paris' }` or `{ regex: '^a', flags: 'i' }`. */
export type AssertionSpec = Readonly<Partial<Record<AssertionKind, string | number>>> & { readonly flags?: string };

/** What an assertion is checked against. */
export interface AssertionSubject {
  readonly output: string;
  readonly latencyMs: number;
}

/** The outcome of one assertion, as returned in `result.assertions`. */
export interface AssertionResult {
  readonly kind: AssertionKind;
  readonly expected: string | number;
  readonly passed: boolean;
  readonly message: string;
}

/** A checked, ready-to-run assertion. */
export interface PreparedAssertion {
  readonly kind: AssertionKind;
  readonly expected: string | number;
  evaluate(subject: AssertionSubject): AssertionResult;
}
