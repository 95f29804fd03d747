import type { HealthConfig } from '../options/config.js';
import { runProbe, type ProbeTarget } from '../readiness/probe.js';

export interface HealthCallbacks {
  /** After each failed probe, with the count of failures in a row. */
  onFailure(error: Error, failures: number): void;
  /** After a successful probe that followed at least one failure. */
  onRecovery(): void;
  /** Before each probe (for example to refresh the process tree snapshot). */
  onProbe?(): void;
}

/**
 * Probes every `intervalMs` (measured from probe start), never two at once: the next probe is
 * scheduled by a setTimeout only after the previous one settled. Timers are unref'd.
 */
export class HealthMonitor {
  readonly #config: HealthConfig;
  readonly #target: ProbeTarget;
  readonly #callbacks: HealthCallbacks;
  #timer: NodeJS.Timeout | undefined;
  #stopped = false;
  #failures = 0;

  constructor(config: HealthConfig, target: ProbeTarget, callbacks: HealthCallbacks) {
    this.#config = config;
    this.#target = target;
    this.#callbacks = callbacks;
  }

  get failures(): number {
    return this.#failures;
  }

  start(): void {
    this.#schedule(this.#config.intervalMs);
  }

  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#timer);
  }

  #schedule(delayMs: number): void {
    if (this.#stopped) return;
    this.#timer = setTimeout(() => void this.#probe(), Math.max(0, delayMs));
    this.#timer.unref();
  }

  async #probe(): Promise<void> {
    const started = Date.now();
    this.#callbacks.onProbe?.();
    const error = await runProbe(this.#config.check, this.#target, this.#config.timeoutMs);
    if (this.#stopped) return;
    if (error === undefined) {
      const recovered = this.#failures > 0;
      this.#failures = 0;
      if (recovered) this.#callbacks.onRecovery();
    } else {
      this.#failures += 1;
      this.#callbacks.onFailure(error, this.#failures);
    }
    this.#schedule(this.#config.intervalMs - (Date.now() - started));
  }
}
