import type { MetricDelta } from '../contract/run.js';
import { RATIO_EPSILON } from './thresholds.js';

/**
 * Compares one figure. Flagged when head is larger than base by more than `threshold` (a
 * fraction of base); from a base of 0 any increase is flagged (the ratio is then null). A
 * decrease is never flagged. Unknown values (null) give a null delta, not flagged.
 */
export function metricDelta(base: number | null, head: number | null, threshold: number): MetricDelta {
  if (base === null || head === null) return { base, head, delta: null, ratio: null, flagged: false };
  const delta = head - base;
  const ratio = base === 0 ? null : delta / base;
  const flagged = delta > 0 && (ratio === null || ratio > threshold + RATIO_EPSILON);
  return { base, head, delta, ratio, flagged };
}

/** A pass rate (0-1) compared: flagged when it dropped at all. */
export function passRateDelta(base: number | null, head: number | null): MetricDelta {
  if (base === null || head === null) return { base, head, delta: null, ratio: null, flagged: false };
  const delta = head - base;
  return { base, head, delta, ratio: base === 0 ? null : delta / base, flagged: delta < -RATIO_EPSILON };
}
