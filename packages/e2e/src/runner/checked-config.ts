import type { ChaosTiming } from '../config/timing.js';
import type { CheckedConfig } from '../history/types.js';

/** The bounds the invariants are checked against, from the run's timings. */
export function checkedConfigFor(timing: ChaosTiming): CheckedConfig {
  return {
    restart: {
      initialDelayMs: timing.restartInitialDelayMs,
      factor: timing.restartFactor,
      maxDelayMs: timing.restartMaxDelayMs,
      jitter: timing.restartJitter,
      resetAfterMs: timing.restartResetAfterMs,
      maxRestarts: timing.maxRestarts,
      windowMs: timing.restartWindowMs,
    },
    health: { intervalMs: timing.healthIntervalMs, timeoutMs: timing.healthTimeoutMs, failureThreshold: timing.healthFailureThreshold },
    readinessTimeoutMs: timing.readinessTimeoutMs,
    stopTimeoutMs: timing.stopTimeoutMs,
    hostDeathBoundMs: timing.hostDeathBoundMs,
    toleranceMs: timing.toleranceMs,
    journalBoundMs: timing.journalBoundMs,
  };
}
