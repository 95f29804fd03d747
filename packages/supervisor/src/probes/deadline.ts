/** How a probe reports: undefined when it passed, else why not. */
export type ProbeResult = Error | undefined;

/**
 * Runs one probe that always settles: `start` begins the work and calls `finish` once; past
 * `timeoutMs`, or when `parent` aborts, the probe settles with an error. The `signal` given to
 * `start` aborts as soon as the probe settled, whatever the outcome, so sockets are freed.
 */
export function withDeadline(
  timeoutMs: number,
  parent: AbortSignal | undefined,
  timeoutError: () => Error,
  start: (signal: AbortSignal, finish: (result: ProbeResult) => void) => void,
): Promise<ProbeResult> {
  return new Promise((resolve) => {
    const controller = new AbortController();
    let settled = false;
    const finish = (result: ProbeResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      parent?.removeEventListener('abort', onAbort);
      resolve(result);
      controller.abort();
    };
    const onAbort = (): void => finish(new Error('probe cancelled'));
    const timer = setTimeout(() => finish(timeoutError()), timeoutMs);
    if (parent?.aborted) return onAbort();
    parent?.addEventListener('abort', onAbort, { once: true });
    try {
      start(controller.signal, finish);
    } catch (error) {
      finish(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
