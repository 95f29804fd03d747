import { runProbe } from '../probes/run-probe.js';
import type { ProbeTarget } from '../probes/types.js';
import { READY_PROBE_TIMEOUT_MS, type ReadinessConfig } from './options.js';

/** First pause between readiness probes; it grows by POLL_GROWTH up to POLL_MAX_MS. */
export const POLL_FIRST_MS = 1;
export const POLL_GROWTH = 1.3;
export const POLL_MAX_MS = 25;

/** How a readiness wait ended. */
export type ReadinessOutcome =
  | { readonly kind: 'ready' }
  | { readonly kind: 'timeout'; readonly message: string; readonly lastError: Error | undefined }
  | { readonly kind: 'cancelled' };

/**
 * Tells when a spawned backend is ready. Created before the spawn, so that no output line is missed
 * (`notifyLine`); `begin` starts the deadline and the probes once the process runs. Probes start 1 ms
 * after, back off to 25 ms, and any output line wakes the next one at once (servers usually print
 * "listening"); the check must pass `successThreshold` times in a row. Every timer and probe hangs
 * on `signal`.
 */
export class ReadinessWatch {
  readonly #config: ReadinessConfig;
  readonly #waker = new Waker();
  #matched = false;
  #done = false;
  #finish: ((outcome: ReadinessOutcome) => void) | undefined;

  constructor(config: ReadinessConfig) {
    this.#config = config;
  }

  /** Feed each output line: it may match the stdout pattern or wake the next probe early. */
  notifyLine(stream: 'stdout' | 'stderr', line: string): void {
    if (this.#done) return;
    const { check } = this.#config;
    if (check.kind !== 'stdout') return this.#waker.wake();
    if (stream !== 'stdout' || !check.pattern.test(line)) return;
    this.#matched = true;
    this.#finish?.({ kind: 'ready' });
  }

  begin(target: ProbeTarget, signal: AbortSignal): Promise<ReadinessOutcome> {
    const { check, timeoutMs } = this.#config;
    let lastError: Error | undefined;
    const startedAt = Date.now();
    const outcome = new Promise<ReadinessOutcome>((resolve) => {
      this.#finish = (result) => {
        if (this.#done) return;
        this.#done = true;
        clearTimeout(deadline);
        signal.removeEventListener('abort', onAbort);
        this.#waker.wake();
        resolve(result);
      };
    });
    const finish = this.#finish as (outcome: ReadinessOutcome) => void;
    const onAbort = (): void => finish({ kind: 'cancelled' });
    const deadline = setTimeout(() => {
      const why = lastError === undefined ? '' : `: last check said: ${lastError.message}`;
      finish({ kind: 'timeout', message: `not ready after ${timeoutMs} ms${why}`, lastError });
    }, timeoutMs);
    deadline.unref();
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    if (this.#matched) finish({ kind: 'ready' });
    if (check.kind === 'stdout') return outcome;
    let passes = 0;
    void pollLoop(() => this.#done, this.#waker, async () => {
      const left = Math.max(1, timeoutMs - (Date.now() - startedAt));
      lastError = await runProbe(check, target, Math.min(READY_PROBE_TIMEOUT_MS, left), signal);
      passes = lastError === undefined ? passes + 1 : 0;
      if (passes >= this.#config.successThreshold) finish({ kind: 'ready' });
    });
    return outcome;
  }
}

/** A pause that output can cut short; a wake during a probe makes the next pause zero. */
class Waker {
  #wake: (() => void) | undefined;
  #pending = false;

  wake(): void {
    if (this.#wake === undefined) this.#pending = true;
    else this.#wake();
  }

  pause(ms: number): Promise<void> {
    if (this.#pending) {
      this.#pending = false;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => this.#wake?.(), ms);
      this.#wake = () => {
        this.#wake = undefined;
        clearTimeout(timer);
        resolve();
      };
    });
  }
}

async function pollLoop(isDone: () => boolean, waker: Waker, probe: () => Promise<void>): Promise<void> {
  let pauseMs = POLL_FIRST_MS;
  while (!isDone()) {
    await waker.pause(pauseMs);
    if (isDone()) return;
    await probe();
    pauseMs = Math.min(POLL_MAX_MS, pauseMs * POLL_GROWTH);
  }
}
