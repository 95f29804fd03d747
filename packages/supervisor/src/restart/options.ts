import { fail, integerAtLeast, MAX_TIMER_MS, nonNegativeMs, numberInRange, optionObject, positiveMs } from '../options/checks.js';

/** Delay before the second restart of a streak (systemd's RestartSec); the first one is immediate. */
export const DEFAULT_RESTART_INITIAL_DELAY_MS = 100;
/** Growth of the restart delay per further crash in a streak. */
export const DEFAULT_RESTART_FACTOR = 2;
/** Cap of the restart delay (PM2's exponential cap). */
export const DEFAULT_RESTART_MAX_DELAY_MS = 15_000;
/** Fraction of random spread applied to each delay (±). */
export const DEFAULT_RESTART_JITTER = 0.1;
/** Staying ready this long ends a streak: the next crash restarts at once again (PM2's value). */
export const DEFAULT_RESTART_RESET_AFTER_MS = 30_000;
/** More restarts than this within windowMs end in 'failed'. */
export const DEFAULT_RESTART_MAX_RESTARTS = 5;
/** Window in which restarts are counted. */
export const DEFAULT_RESTART_WINDOW_MS = 60_000;

/**
 * Restart policy after a crash, a hang or a failed start. A crash that starts no streak (the first
 * since start(), or the first after the backend stayed ready for resetAfterMs) restarts at once, as
 * Kubernetes and OTP do; the n-th crash of a streak (n >= 2) waits initialDelayMs x factor^(n-2).
 */
export interface RestartOptions {
  /** Delay before the second restart of a streak, in ms (the first is immediate). @default 100 */
  readonly initialDelayMs?: number;
  /** Multiplier of the delay per further crash in a streak. @default 2 */
  readonly factor?: number;
  /** Cap of the delay, in ms. @default 15000 */
  readonly maxDelayMs?: number;
  /** Random spread of each delay, as a fraction (0.1 = ±10 %). @default 0.1 */
  readonly jitter?: number;
  /** Staying ready this long (ms) ends a streak: the next crash restarts at once. @default 30000 */
  readonly resetAfterMs?: number;
  /** More restarts than this within windowMs end in 'failed'. @default 5 */
  readonly maxRestarts?: number;
  /** Window in which restarts are counted, in ms. @default 60000 */
  readonly windowMs?: number;
}

/** The restart policy after validation. */
export type RestartConfig = Required<RestartOptions>;

const KEYS = ['initialDelayMs', 'factor', 'maxDelayMs', 'jitter', 'resetAfterMs', 'maxRestarts', 'windowMs'];

/** Validates `restart` (false: the first unexpected exit ends in 'failed'). */
export function parseRestart(value: unknown): RestartConfig | false {
  if (value === false) return false;
  if (value !== undefined && typeof value !== 'object') fail('restart', 'an object or false', value);
  const raw = optionObject('restart', value, KEYS);
  const initialDelayMs = nonNegativeMs('restart.initialDelayMs', raw['initialDelayMs'], DEFAULT_RESTART_INITIAL_DELAY_MS);
  const maxDelayMs = numberInRange('restart.maxDelayMs', raw['maxDelayMs'], DEFAULT_RESTART_MAX_DELAY_MS, 0, MAX_TIMER_MS);
  if (maxDelayMs < initialDelayMs) fail('restart.maxDelayMs', `>= restart.initialDelayMs (${initialDelayMs})`, maxDelayMs);
  return {
    initialDelayMs,
    factor: numberInRange('restart.factor', raw['factor'], DEFAULT_RESTART_FACTOR, 1, 100),
    maxDelayMs,
    jitter: numberInRange('restart.jitter', raw['jitter'], DEFAULT_RESTART_JITTER, 0, 1),
    resetAfterMs: positiveMs('restart.resetAfterMs', raw['resetAfterMs'], DEFAULT_RESTART_RESET_AFTER_MS),
    maxRestarts: integerAtLeast('restart.maxRestarts', raw['maxRestarts'], DEFAULT_RESTART_MAX_RESTARTS, 0),
    windowMs: positiveMs('restart.windowMs', raw['windowMs'], DEFAULT_RESTART_WINDOW_MS),
  };
}
