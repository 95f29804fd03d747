import type { ConnectionStatus } from '../shared/types.js';
import { DESKTOP_ERROR_CODES, DesktopError } from './errors.js';

/**
 * Lets requests wait for the backend: resolves at once while connected, waits through starting and
 * reconnecting, and rejects when the supervisor gave up or the backend was stopped, or after the
 * caller's bound. Nothing waits forever.
 */
export class ConnectionWaiter {
  #status: ConnectionStatus['phase'] = 'starting';
  readonly #waiting = new Set<{ resolve: () => void; reject: (error: Error) => void }>();

  update(status: ConnectionStatus): void {
    this.#status = status.phase;
    if (status.phase === 'connected') this.#settle((w) => w.resolve());
    if (status.phase === 'failed') {
      this.#settle((w) => w.reject(new DesktopError(DESKTOP_ERROR_CODES.BACKEND_UNAVAILABLE, `The backend could not be restarted: ${status.reason}`)));
    }
    if (status.phase === 'stopped') {
      this.#settle((w) => w.reject(new DesktopError(DESKTOP_ERROR_CODES.BACKEND_UNAVAILABLE, 'The backend was stopped')));
    }
  }

  /** Forget a terminal state so waiting works again (after Retry or a relaunch). */
  reset(): void {
    this.#status = 'starting';
  }

  wait(timeoutMs: number): Promise<void> {
    if (this.#status === 'connected' || this.#status === 'unresponsive') return Promise.resolve();
    if (this.#status === 'failed' || this.#status === 'stopped') {
      return Promise.reject(new DesktopError(DESKTOP_ERROR_CODES.BACKEND_UNAVAILABLE, 'The backend is not running; use Retry'));
    }
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiting.delete(waiter);
        reject(new DesktopError(DESKTOP_ERROR_CODES.BACKEND_UNAVAILABLE, `The backend did not come back within ${Math.round(timeoutMs / 1000)} s`));
      }, timeoutMs);
      const waiter = {
        resolve: () => (clearTimeout(timer), resolve()),
        reject: (error: Error) => (clearTimeout(timer), reject(error)),
      };
      this.#waiting.add(waiter);
    });
  }

  #settle(action: (waiter: { resolve: () => void; reject: (error: Error) => void }) => void): void {
    const waiters = [...this.#waiting];
    this.#waiting.clear();
    for (const waiter of waiters) action(waiter);
  }
}
