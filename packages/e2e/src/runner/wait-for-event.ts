import { ChaosError } from '../errors.js';
import type { HistoryRecorder } from '../history/recorder.js';
import type { HistoryEvent } from '../history/types.js';

/** An armed wait: created before the action that triggers the event, so it cannot be missed. */
export interface EventWait<T extends HistoryEvent> {
  readonly promise: Promise<T>;
  cancel(): void;
}

/**
 * Resolves with the first future event matching `match`; rejects (CHAOS_ERR_TIMEOUT) after the
 * safety-net `timeoutMs`. Never rejects unobserved: callers that drop it call cancel().
 */
export function waitForEvent<T extends HistoryEvent>(
  recorder: HistoryRecorder,
  match: (event: HistoryEvent) => event is T,
  timeoutMs: number,
  what: string,
): EventWait<T> {
  let cancel = () => {};
  const promise = new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new ChaosError('CHAOS_ERR_TIMEOUT', `no ${what} within ${timeoutMs}ms`));
    }, timeoutMs);
    const unsubscribe = recorder.subscribe((event) => {
      if (!match(event)) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(event);
    });
    cancel = () => {
      clearTimeout(timer);
      unsubscribe();
    };
  });
  promise.catch(() => {});
  return { promise, cancel };
}
