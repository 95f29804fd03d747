import type { History } from '../history/types.js';

/** One broken invariant, with where it happened. */
export interface Violation {
  readonly invariant: string;
  readonly message: string;
  /** Timestamp of the event that shows the violation, when there is one. */
  readonly t?: number;
}

/** A checker over a recorded history. Pure: the same history always gives the same violations. */
export interface InvariantChecker {
  readonly name: string;
  readonly description: string;
  check(history: History): Violation[];
}
