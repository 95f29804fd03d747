import type { AssertionKind, AssertionValue } from '../contract/assertions.js';
import type { RunUsage, ToolCall } from '../contract/run.js';

export { ASSERTION_KINDS, type AssertionKind, type AssertionResult, type AssertionSpec, type AssertionValue } from '../contract/assertions.js';

/** What the assertions of a spec are checked against: the model's answer and how it was produced. */
export interface AssertionSubject {
  /** The answer's text. */
  readonly output: string;
  /** The tool calls in the answer, in the order the model made them. */
  readonly toolCalls: readonly ToolCall[];
  /** Time from sending the request to the full answer, in milliseconds. */
  readonly latencyMs: number;
  readonly usage: RunUsage;
  /** Estimated cost in USD; null when the model has no known price. */
  readonly costUsd: number | null;
  /** The model that answered (named in the message of a cost check without a price). */
  readonly model: string;
}

/** What one assertion found: the parts of an {@link AssertionResult} its kind decides. */
export interface AssertionOutcome {
  readonly passed: boolean;
  /** What was seen, bounded (see `ACTUAL_TEXT_LIMIT`); null when nothing could be measured. */
  readonly actual: AssertionValue;
  readonly message: string;
}

/** What an evaluation hands to each assertion: limits, and work shared between assertions. */
export interface EvaluationContext {
  /**
   * How much regex work this assertion may do: output length × compiled program size, its equal
   * share of `MAX_REGEX_WORK` among the spec's regex-using assertions.
   */
  readonly regexWorkLimit: number;
  /** Computes a fact about the subject once per evaluation (e.g. the output read as JSON). */
  remember<T>(key: string, compute: () => T): T;
}

/** A checked, ready-to-run assertion, made by `prepareAssertions` before any model call. */
export interface PreparedAssertion {
  readonly kind: AssertionKind;
  /** Where the assertion is in the request, e.g. `test_spec.assertions[2]`. */
  readonly field: string;
  /** What the spec asked for, as results show it (`/pattern/flags` for regexes). */
  readonly expected: AssertionValue;
  /** Instructions of the compiled regexes this assertion runs on the output (0 when none). */
  readonly regexProgramSize: number;
  /** Checks the subject; synchronous and bounded in time. */
  evaluate(subject: AssertionSubject, context: EvaluationContext): AssertionOutcome;
}
