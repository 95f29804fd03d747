import type { ConnectionStatus } from '../shared/types.js';
import { DESKTOP_ERROR_CODES, DesktopError } from './errors.js';
import type { SupervisorLike } from './supervisor-contract.js';

/** What a waiting request needs to know about the host's backend. */
export interface BackendView {
  /** The supervisor requests go to now (a relaunch replaces it), or undefined. */
  supervisor(): SupervisorLike | undefined;
  /** The relaunch in progress (new key, Retry), or undefined: waiting requests wait through it. */
  relaunching(): Promise<unknown> | undefined;
  /** What the banner shows: a failure's reason in words. */
  status(): ConnectionStatus | undefined;
}

const unavailable = (message: string, cause?: unknown): DesktopError => new DesktopError(DESKTOP_ERROR_CODES.BACKEND_UNAVAILABLE, message, { cause });

/**
 * Lets a request wait for the backend, through the supervisor's own whenReady(): resolves at once while
 * connected or unresponsive, waits through starting, backoff and a relaunch, and rejects when the
 * supervisor gave up or the backend was stopped, or after `timeoutMs`. Nothing waits forever.
 */
export async function waitForBackend(view: BackendView, timeoutMs: number): Promise<void> {
  const signal = AbortSignal.timeout(timeoutMs);
  const late = (cause?: unknown): DesktopError => unavailable(`The backend did not come back within ${Math.round(timeoutMs / 1000)} s`, cause);
  for (;;) {
    const relaunch = view.relaunching();
    if (relaunch !== undefined) {
      await untilAborted(relaunch, signal, late);
      continue;
    }
    const supervisor = view.supervisor();
    if (supervisor === undefined || supervisor.state === 'failed' || supervisor.state === 'stopped') throw unavailable('The backend is not running; use Retry');
    try {
      await supervisor.whenReady({ signal });
      return;
    } catch (error) {
      if (signal.aborted) throw late(error);
      if (view.relaunching() !== undefined || view.supervisor() !== supervisor) continue; // replaced meanwhile: wait for the new one
      const status = view.status();
      if (status?.phase === 'failed') throw unavailable(`The backend could not be restarted: ${status.reason}`, error);
      throw unavailable(supervisor.snapshot().state === 'failed' ? 'The backend could not be restarted' : 'The backend was stopped', error);
    }
  }
}

/** `promise`, or `error()` once `signal` aborts. */
function untilAborted(promise: Promise<unknown>, signal: AbortSignal, error: () => Error): Promise<unknown> {
  if (signal.aborted) return Promise.reject(error());
  return new Promise((resolve, reject) => {
    const onAbort = (): void => reject(error());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, resolve).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
