import type { CheckConfig } from '../options/config.js';
import { runProbe, type ProbeTarget } from './probe.js';

/** First pause between readiness probes; it grows by POLL_GROWTH up to POLL_MAX_MS. */
export const POLL_FIRST_MS = 1;
export const POLL_GROWTH = 1.3;
export const POLL_MAX_MS = 25;
/** Longest a single readiness probe may take. */
export const READY_PROBE_TIMEOUT_MS = 1_000;

/** A readiness wait in progress. */
export interface ReadinessWait {
  /** Resolves when ready; rejects with the last probe error on timeout ('timeout') or on cancel. */
  readonly promise: Promise<void>;
  /** Feed each stdout line: it may match the stdout pattern or wake the next probe early. */
  notifyLine(stream: 'stdout' | 'stderr', line: string): void;
  cancel(): void;
}

export class ReadinessTimeout extends Error {
  override readonly name = 'ReadinessTimeout';
}

/**
 * Waits until the check passes or `timeoutMs` passes. Probes start 1 ms after spawn and back off
 * to 25 ms; any output line wakes the next probe at once (servers usually print "listening").
 */
export function waitReady(check: CheckConfig, target: ProbeTarget | undefined, timeoutMs: number): ReadinessWait {
  let settle: { resolve: () => void; reject: (error: Error) => void };
  const promise = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  promise.catch(() => undefined); // a wait nobody awaits any more (spawn failed) must not be an unhandled rejection
  let done = false;
  let wake: (() => void) | undefined;
  let lastError: Error | undefined;
  const finish = (error?: Error): void => {
    if (done) return;
    done = true;
    clearTimeout(deadline);
    wake?.();
    if (error === undefined) settle.resolve();
    else settle.reject(error);
  };
  const deadline = setTimeout(() => {
    const why = lastError === undefined ? '' : `: last check said: ${lastError.message}`;
    finish(new ReadinessTimeout(`not ready after ${timeoutMs} ms${why}`, { cause: lastError }));
  }, timeoutMs);
  deadline.unref();
  let wokenDuringProbe = false;
  const pause = (ms: number): Promise<void> =>
    new Promise<void>((resolve) => {
      if (wokenDuringProbe || done) {
        wokenDuringProbe = false;
        resolve();
        return;
      }
      const timer = setTimeout(() => {
        wake = undefined;
        resolve();
      }, ms);
      wake = () => {
        wake = undefined;
        clearTimeout(timer);
        resolve();
      };
    });
  if (check.kind !== 'stdout' && target !== undefined) {
    void pollLoop(() => done, pause, async () => {
      lastError = await runProbe(check, target, Math.min(READY_PROBE_TIMEOUT_MS, timeoutMs));
      if (lastError === undefined) finish();
    });
  }
  return {
    promise,
    notifyLine(stream, line) {
      if (done) return;
      if (check.kind === 'stdout') {
        if (stream === 'stdout' && check.pattern.test(line)) finish();
      } else if (wake !== undefined) wake();
      else wokenDuringProbe = true;
    },
    cancel: () => finish(new Error('readiness wait cancelled')),
  };
}

async function pollLoop(isDone: () => boolean, pause: (ms: number) => Promise<void>, probe: () => Promise<void>): Promise<void> {
  let pauseMs = POLL_FIRST_MS;
  while (!isDone()) {
    await pause(pauseMs);
    if (isDone()) return;
    await probe();
    pauseMs = Math.min(POLL_MAX_MS, pauseMs * POLL_GROWTH);
  }
}
