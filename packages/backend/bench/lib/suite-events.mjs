import { createBackendClient } from '../../dist/client/index.js';

/**
 * Follows a suite run's events (the client's SSE watch, which reconnects across a restart) and
 * records when each arrived: `until(predicate)` resolves once the events seen so far satisfy it.
 */
export function followSuiteRun({ baseUrl, getBaseUrl, token, id }) {
  const client = createBackendClient({ ...(getBaseUrl === undefined ? { baseUrl } : { getBaseUrl }), token });
  const controller = new AbortController();
  const events = [];
  const waiters = [];
  const done = (async () => {
    for await (const event of client.watchSuiteRun(id, { signal: controller.signal })) {
      events.push({ at: performance.now(), event });
      for (const waiter of waiters.splice(0)) {
        if (waiter.predicate(events)) waiter.resolve(events);
        else waiters.push(waiter);
      }
      if (event.type === 'end') return;
    }
  })().catch((error) => {
    if (!controller.signal.aborted) throw error;
  });
  return {
    events,
    until: (predicate) => (predicate(events) ? Promise.resolve(events) : new Promise((resolve) => waiters.push({ predicate, resolve }))),
    stop: async () => {
      controller.abort();
      await done;
    },
    client,
  };
}
