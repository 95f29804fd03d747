import { fail, integerAtLeast, positiveMs } from '../options/checks.js';
import { parseCheck } from '../probes/options.js';
import type { CheckConfig, CustomCheck, HttpCheck, StdoutCheck, TcpCheck } from '../probes/types.js';

/** Startup deadline: long enough for a one-file PyInstaller unpack (~20 s), short enough to report. */
export const DEFAULT_READY_TIMEOUT_MS = 30_000;
/** Longest a single readiness probe may take (or the time left before the deadline, if shorter). */
export const READY_PROBE_TIMEOUT_MS = 1_000;
/** Probe passes in a row before the backend counts as ready (Kubernetes' readiness default). */
export const DEFAULT_READY_SUCCESS_THRESHOLD = 1;

/** How to tell that a freshly spawned backend is ready. */
export type ReadinessOptions = (HttpCheck | TcpCheck | StdoutCheck | CustomCheck) & {
  /**
   * Startup deadline in ms from spawn to ready (separate from liveness), at most 2^31−1; past it the
   * attempt is killed with reason 'startup-timeout'. Each probe is bounded by 1000 ms or the time left.
   * @default 30000
   */
  readonly timeoutMs?: number;
  /** Probe passes in a row needed (http, tcp and probe checks; not stdout). @default 1 */
  readonly successThreshold?: number;
};

/** Readiness after validation. */
export interface ReadinessConfig {
  readonly check: CheckConfig;
  readonly timeoutMs: number;
  readonly successThreshold: number;
}

/** Validates `readiness`; without a port only a stdout or probe check can tell readiness. */
export function parseReadiness(value: unknown, hasPort: boolean): ReadinessConfig {
  const needed = 'a { stdout: RegExp } or { probe } check when port is false';
  if (value === undefined && !hasPort) fail('readiness', needed, value);
  const raw = (value ?? { tcp: true }) as Record<string, unknown>;
  const check = parseCheck('readiness', raw, true, ['timeoutMs', 'successThreshold']);
  if (!hasPort && check.kind !== 'stdout' && check.kind !== 'custom') fail('readiness', needed, value);
  if (check.kind === 'stdout' && raw['successThreshold'] !== undefined) fail('readiness.successThreshold', 'absent with a stdout check (it counts probe passes)', raw['successThreshold']);
  return {
    check,
    timeoutMs: positiveMs('readiness.timeoutMs', raw['timeoutMs'], DEFAULT_READY_TIMEOUT_MS),
    successThreshold: integerAtLeast('readiness.successThreshold', raw['successThreshold'], DEFAULT_READY_SUCCESS_THRESHOLD, 1),
  };
}
