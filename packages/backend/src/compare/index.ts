/** Comparing two runs of one test, and two runs of one suite. See docs/storage.md ("Compare"). */
export { compareRuns, totalTokens } from './compare-runs.js';
export { compareSuiteRuns } from './compare-suite-runs.js';
export { metricDelta, passRateDelta } from './metric-delta.js';
export { outputDiff, MAX_DIFF_EDIT_LENGTH, MAX_DIFF_INPUT_CHARS, MAX_DIFF_INPUT_LINES, MAX_DIFF_LINES } from './output-diff.js';
export { COST_REGRESSION_THRESHOLD, LATENCY_REGRESSION_THRESHOLD, REGRESSION_THRESHOLDS, TOKENS_REGRESSION_THRESHOLD } from './thresholds.js';
