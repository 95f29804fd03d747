import type { SuiteRunEvent } from '../contract/suite-run.js';
import type { SuiteRunner } from './types.js';

/**
 * A run's events for one watcher: a `snapshot` first, then each event as it happens, ending with
 * `end` (at once after the snapshot when the run has already finished). The listener is attached
 * before the snapshot is read, so nothing is missed; an event already reflected in the snapshot
 * may follow it (events are states, so replaying them is harmless). Stops when `signal` aborts.
 * @throws BackendError `SUITE_RUN_NOT_FOUND` before anything is yielded.
 */
export async function* watchSuiteRun(runner: SuiteRunner, id: string, signal?: AbortSignal): AsyncGenerator<SuiteRunEvent, void, undefined> {
  const queue: SuiteRunEvent[] = [];
  let wake: (() => void) | undefined;
  const unsubscribe = runner.subscribe(id, (event) => {
    queue.push(event);
    wake?.();
  });
  const onAbort = (): void => wake?.();
  signal?.addEventListener('abort', onAbort);
  try {
    const snapshot = await runner.get(id);
    yield { type: 'snapshot', run: snapshot };
    if (snapshot.status !== 'running') {
      yield { type: 'end', run: snapshot };
      return;
    }
    while (signal?.aborted !== true) {
      const event = queue.shift();
      if (event === undefined) {
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
        continue;
      }
      yield event;
      if (event.type === 'end') return;
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    unsubscribe();
  }
}
