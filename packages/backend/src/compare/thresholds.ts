/**
 * When a metric counts as regressed: its increase from base to head, as a fraction of base, is
 * past (strictly above) the threshold. The values are the original Sentinel regression engine's.
 */
export const LATENCY_REGRESSION_THRESHOLD = 0.2;
export const TOKENS_REGRESSION_THRESHOLD = 0.15;
export const COST_REGRESSION_THRESHOLD = 0.1;

/** The three thresholds, as a comparison reports them. */
export const REGRESSION_THRESHOLDS = {
  latency: LATENCY_REGRESSION_THRESHOLD,
  tokens: TOKENS_REGRESSION_THRESHOLD,
  cost: COST_REGRESSION_THRESHOLD,
} as const;

/** Slack for floating-point ratios, so exactly 10 % (0.011 vs 0.01 USD) is "at", not "past", the threshold. */
export const RATIO_EPSILON = 1e-9;
