import { fail, integerAtLeast, positiveMs } from '../options/checks.js';
import { parseCheck } from '../probes/options.js';
import type { CheckConfig, CustomCheck, HttpCheck, ProbeConfig, TcpCheck } from '../probes/types.js';

/** Health probe period (Kubernetes uses 10 s; a desktop app wants a hang seen within seconds). */
export const DEFAULT_HEALTH_INTERVAL_MS = 2_000;
/** A probe slower than this fails (Kubernetes' default). */
export const DEFAULT_HEALTH_TIMEOUT_MS = 1_000;
/** Failures in a row before the backend counts as hung (Kubernetes' default). */
export const DEFAULT_HEALTH_FAILURE_THRESHOLD = 3;
/** Passes in a row after failures before the backend counts as ready again (Kubernetes' default). */
export const DEFAULT_HEALTH_SUCCESS_THRESHOLD = 1;

/** Periodic liveness probe once ready. Probes never overlap. */
export type HealthOptions = (HttpCheck | TcpCheck | CustomCheck) & {
  /** Period between probe starts, in ms. @default 2000 */
  readonly intervalMs?: number;
  /** Bounds each probe as a whole (for http: connect, headers and body together), in ms. @default 1000 */
  readonly timeoutMs?: number;
  /** Failures in a row after which the backend counts as hung and is killed and restarted. @default 3 */
  readonly failureThreshold?: number;
  /** Passes in a row after failures before 'unhealthy' turns back into 'ready'. @default 1 */
  readonly successThreshold?: number;
};

/** Health after validation. */
export interface HealthConfig {
  readonly check: ProbeConfig;
  readonly intervalMs: number;
  readonly timeoutMs: number;
  readonly failureThreshold: number;
  readonly successThreshold: number;
}

const PHASE_KEYS = ['intervalMs', 'timeoutMs', 'failureThreshold', 'successThreshold'];

/** Validates `health`; by default the readiness check is reused when it is a probe (not stdout). */
export function parseHealth(value: unknown, readiness: CheckConfig, hasPort: boolean): HealthConfig | false {
  if (value === false) return false;
  if (value === undefined && readiness.kind === 'stdout') return false;
  const raw = (value ?? {}) as Record<string, unknown>;
  const check = value === undefined ? readiness : parseCheck('health', value, false, PHASE_KEYS);
  if (check.kind === 'stdout') return false;
  if (!hasPort && check.kind !== 'custom') fail('health', 'false or a { probe } check when port is false', value);
  return {
    check,
    intervalMs: positiveMs('health.intervalMs', raw['intervalMs'], DEFAULT_HEALTH_INTERVAL_MS),
    timeoutMs: positiveMs('health.timeoutMs', raw['timeoutMs'], DEFAULT_HEALTH_TIMEOUT_MS),
    failureThreshold: integerAtLeast('health.failureThreshold', raw['failureThreshold'], DEFAULT_HEALTH_FAILURE_THRESHOLD, 1),
    successThreshold: integerAtLeast('health.successThreshold', raw['successThreshold'], DEFAULT_HEALTH_SUCCESS_THRESHOLD, 1),
  };
}
