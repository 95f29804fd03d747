import type { RestartConfig } from './options.js';

export type RestartDecision =
  | { readonly action: 'restart'; readonly delayMs: number; readonly attempt: number }
  | { readonly action: 'give-up'; readonly restartsInWindow: number };

/**
 * The delay before the `consecutive`-th restart of a streak (1-based): 0 for the first, then
 * initialDelayMs x factor^(n-2) capped at maxDelayMs, with ± jitter.
 */
export function backoffDelay(config: RestartConfig, consecutive: number, random: () => number): number {
  if (consecutive <= 1) return 0;
  const base = Math.min(config.maxDelayMs, config.initialDelayMs * config.factor ** (consecutive - 2));
  const spread = base * config.jitter * (2 * random() - 1);
  return Math.max(0, Math.round(Math.min(config.maxDelayMs, base + spread)));
}

/**
 * Decides after each unexpected exit: restart (at once for the first crash of a streak, then after a
 * growing delay), or give up when more than maxRestarts restarts would fall within windowMs. A streak
 * ends once the backend stayed ready for resetAfterMs.
 */
export class RestartPolicy {
  readonly #config: RestartConfig;
  readonly #random: () => number;
  #restartTimes: number[] = [];
  #consecutive = 0;

  constructor(config: RestartConfig, random: () => number = Math.random) {
    this.#config = config;
    this.#random = random;
  }

  /** `readySince`: when the exited process became ready, if it did. */
  next(now: number, readySince: number | undefined): RestartDecision {
    if (readySince !== undefined && now - readySince >= this.#config.resetAfterMs) this.#consecutive = 0;
    this.#restartTimes = this.#restartTimes.filter((t) => now - t < this.#config.windowMs);
    if (this.#restartTimes.length >= this.#config.maxRestarts) return { action: 'give-up', restartsInWindow: this.#restartTimes.length };
    this.#restartTimes.push(now);
    this.#consecutive += 1;
    return { action: 'restart', delayMs: backoffDelay(this.#config, this.#consecutive, this.#random), attempt: this.#consecutive };
  }
}
