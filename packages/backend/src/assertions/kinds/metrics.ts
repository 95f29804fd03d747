import { countCharacters } from '../text/excerpt.js';
import { formatCount, formatUsd } from '../text/format-number.js';
import type { AssertionKind, AssertionOutcome, AssertionSubject, PreparedAssertion } from '../types.js';

/** A figure of the run, measured from the subject, and how a message writes it. */
interface Metric {
  readonly measure: (subject: AssertionSubject) => number;
  /** `the answer took 250 ms` */
  readonly describe: (value: number) => string;
  /** `250 ms` */
  readonly unit: (value: number) => string;
}

const tokens = (value: number): string => `${formatCount(value)} output token${value === 1 ? '' : 's'}`;
const characters = (value: number): string => `${formatCount(value)} character${value === 1 ? '' : 's'}`;
const milliseconds = (value: number): string => `${formatCount(value)} ms`;

const LATENCY: Metric = { measure: (subject) => subject.latencyMs, describe: (value) => `the answer took ${milliseconds(value)}`, unit: milliseconds };
const OUTPUT_TOKENS: Metric = { measure: (subject) => subject.usage.output_tokens, describe: (value) => `the answer has ${tokens(value)}`, unit: tokens };
/** Characters are Unicode code points: an emoji counts once. */
const OUTPUT_LENGTH: Metric = { measure: (subject) => countCharacters(subject.output), describe: (value) => `the output has ${characters(value)}`, unit: characters };

/** Which metric each numeric kind bounds, and from which side. */
const BOUNDS = {
  max_latency_ms: { metric: LATENCY, side: 'max' },
  min_tokens: { metric: OUTPUT_TOKENS, side: 'min' },
  max_tokens: { metric: OUTPUT_TOKENS, side: 'max' },
  min_length: { metric: OUTPUT_LENGTH, side: 'min' },
  max_length: { metric: OUTPUT_LENGTH, side: 'max' },
} as const satisfies Partial<Record<AssertionKind, { metric: Metric; side: 'min' | 'max' }>>;

export type BoundKind = keyof typeof BOUNDS;

/** `max_latency_ms`, `min_tokens`, `max_tokens`, `min_length`, `max_length`: inclusive bounds. */
export function boundAssertion(kind: BoundKind, limit: number, field: string): PreparedAssertion {
  const { metric, side } = BOUNDS[kind];
  return {
    kind,
    field,
    expected: limit,
    regexProgramSize: 0,
    evaluate(subject): AssertionOutcome {
      const actual = metric.measure(subject);
      const passed = side === 'max' ? actual <= limit : actual >= limit;
      const relation = side === 'max' ? (passed ? 'within the maximum' : 'over the maximum') : passed ? 'at least the minimum' : 'under the minimum';
      return { passed, actual, message: `${metric.describe(actual)}, ${relation} of ${metric.unit(limit)}` };
    },
  };
}

/**
 * `max_cost_usd`: the estimated cost is at most the limit. A run without a known price (cost null)
 * fails: a budget that cannot be checked must not look kept.
 */
export function maxCostAssertion(limit: number, field: string): PreparedAssertion {
  return {
    kind: 'max_cost_usd',
    field,
    expected: limit,
    regexProgramSize: 0,
    evaluate({ costUsd, model }): AssertionOutcome {
      if (costUsd === null) {
        return {
          passed: false,
          actual: null,
          message: `cost unknown: no price is known for the model ${JSON.stringify(model)}, so the limit of ${formatUsd(limit)} cannot be checked (counted as a failure)`,
        };
      }
      const passed = costUsd <= limit;
      return { passed, actual: costUsd, message: `the answer cost ${formatUsd(costUsd)}, ${passed ? 'within' : 'over'} the limit of ${formatUsd(limit)}` };
    },
  };
}
