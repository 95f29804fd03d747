import type { ConnectionStatus } from '../shared/types.js';
import { DESKTOP_ERROR_CODES, DesktopError } from './errors.js';
import type { SupervisorLike } from './supervisor-contract.js';

/** What a waiting request needs to know about the host's backend. */
export interface BackendView {
  /** The backend's supervisor, or undefined before the host started it. */
  supervisor(): SupervisorLike | undefined;
  /** What the banner shows: a failure's reason in words. */
  status(): ConnectionStatus | undefined;
}

const unavailable = (message: string, cause?: unknown): DesktopError => new DesktopError(DESKTOP_ERROR_CODES.BACKEND_UNAVAILABLE, message, { cause });

/**
 * Lets a request wait for the backend, through the supervisor's own whenReady(): resolves at once while
 * connected or unresponsive, waits through starting, backoff and a restart (a new key), and rejects
 * when the supervisor gave up or the backend was stopped, or after `timeoutMs`. Nothing waits forever.
 */
export async function waitForBackend(view: BackendView, timeoutMs: number): Promise<void> {
  const signal = AbortSignal.timeout(timeoutMs);
  const late = (cause?: unknown): DesktopError => unavailable(`The backend did not come back within ${Math.round(timeoutMs / 1000)} s`, cause);
  const supervisor = view.supervisor();
  if (supervisor === undefined || supervisor.state === 'failed' || supervisor.state === 'stopped') throw unavailable('The backend is not running; use Retry');
  try {
    await supervisor.whenReady({ signal });
  } catch (error) {
    if (signal.aborted) throw late(error);
    const status = view.status();
    if (status?.phase === 'failed') throw unavailable(`The backend could not be restarted: ${status.reason}`, error);
    throw unavailable(supervisor.snapshot().state === 'failed' ? 'The backend could not be restarted' : 'The backend was stopped', error);
  }
}
