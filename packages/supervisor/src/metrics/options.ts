import { fail, integerAtLeast, optionObject, positiveMs } from '../options/checks.js';

/** Period of the 'metrics' samples: cheap (a few /proc reads, or one `ps`), frequent enough for a UI. */
export const DEFAULT_METRICS_INTERVAL_MS = 5_000;

/** Resource sampling of the backend's whole process tree. */
export interface MetricsOptions {
  /** Period between samples, in ms (the first one is taken at 'ready'). @default 5000 */
  readonly intervalMs?: number;
  /**
   * Restart the backend when its tree's RSS is over this many bytes at a sample (PM2's
   * max_memory_restart): exit reason 'memory-limit', error SUP_ERR_MEMORY_LIMIT, then the restart
   * policy as for a crash. @default undefined (no limit)
   */
  readonly maxRssBytes?: number;
}

export interface MetricsConfig {
  readonly intervalMs: number;
  readonly maxRssBytes: number | undefined;
}

/** Validates `metrics` (false: no sampling, no 'metrics' events, no memory limit). */
export function parseMetrics(value: unknown): MetricsConfig | false {
  if (value === false) return false;
  if (value !== undefined && typeof value !== 'object') fail('metrics', 'an object or false', value);
  const raw = optionObject('metrics', value, ['intervalMs', 'maxRssBytes']);
  const maxRssBytes = raw['maxRssBytes'] === undefined ? undefined : integerAtLeast('metrics.maxRssBytes', raw['maxRssBytes'], 0, 1);
  return { intervalMs: positiveMs('metrics.intervalMs', raw['intervalMs'], DEFAULT_METRICS_INTERVAL_MS), maxRssBytes };
}
