import { runProbe } from '../probes/run-probe.js';
import type { ProbeTarget } from '../probes/types.js';
import type { HealthConfig } from './options.js';

export interface HealthCallbacks {
  /** After each failed probe; `hung` when failures reached failureThreshold (probing has then stopped). */
  onFailure(error: Error, failures: number, hung: boolean): void;
  /** After successThreshold passes in a row that followed at least one failure. */
  onRecovery(): void;
  /** Before each probe (for example to refresh the process tree snapshot). */
  onProbe?(): void;
}

/**
 * Probes every `intervalMs` (measured from probe start), never two at once: the next probe is
 * scheduled by a setTimeout only after the previous one settled. Timers are unref'd; everything
 * stops when `signal` aborts.
 */
export class HealthMonitor {
  readonly #config: HealthConfig;
  readonly #target: ProbeTarget;
  readonly #callbacks: HealthCallbacks;
  readonly #signal: AbortSignal;
  #timer: NodeJS.Timeout | undefined;
  #failures = 0;
  /** True from a failure until successThreshold passes in a row. */
  #unhealthy = false;
  #passes = 0;

  constructor(config: HealthConfig, target: ProbeTarget, callbacks: HealthCallbacks, signal: AbortSignal) {
    this.#config = config;
    this.#target = target;
    this.#callbacks = callbacks;
    this.#signal = signal;
    signal.addEventListener('abort', () => clearTimeout(this.#timer), { once: true });
  }

  /** Failed probes in a row (0 after any pass). */
  get failures(): number {
    return this.#failures;
  }

  start(): void {
    this.#schedule(this.#config.intervalMs);
  }

  #schedule(delayMs: number): void {
    if (this.#signal.aborted) return;
    this.#timer = setTimeout(() => void this.#probe(), Math.max(0, delayMs));
    this.#timer.unref();
  }

  async #probe(): Promise<void> {
    const started = Date.now();
    this.#callbacks.onProbe?.();
    const error = await runProbe(this.#config.check, this.#target, this.#config.timeoutMs, this.#signal);
    if (this.#signal.aborted) return;
    if (error === undefined) {
      this.#passed();
    } else {
      this.#failures += 1;
      this.#passes = 0;
      this.#unhealthy = true;
      const hung = this.#failures >= this.#config.failureThreshold;
      this.#callbacks.onFailure(error, this.#failures, hung);
      if (hung) return;
    }
    this.#schedule(this.#config.intervalMs - (Date.now() - started));
  }

  #passed(): void {
    this.#failures = 0;
    if (!this.#unhealthy) return;
    this.#passes += 1;
    if (this.#passes < this.#config.successThreshold) return;
    this.#unhealthy = false;
    this.#passes = 0;
    this.#callbacks.onRecovery();
  }
}
