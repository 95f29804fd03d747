import type { ConnectionStatus } from '../shared/types.js';
import type { SupervisorEventMap, SupervisorExitEvent, SupervisorLike } from './supervisor-contract.js';

/** How long a start may take before the banner calls it slow and shows progress. @default 3000 */
export const DEFAULT_SLOW_START_MS = 3_000;
/** How often the starting banner's elapsed time is refreshed while a start is slow. @default 500 */
export const STARTING_TICK_MS = 500;

export interface ConnectionTrackerOptions {
  readonly supervisor: SupervisorLike;
  /** The readiness deadline the supervisor uses; drives the progress bar. */
  readonly startupTimeoutMs: number;
  readonly slowStartMs?: number;
  readonly onChange: (status: ConnectionStatus) => void;
}

/** Describe why the backend went away, in words for the banner. */
export function describeExit(exit: SupervisorExitEvent | null | undefined): string {
  if (!exit) return 'the backend stopped';
  if (exit.reason === 'unhealthy') return 'the backend stopped answering health checks';
  if (exit.reason === 'startup-timeout') return 'the backend did not become ready in time';
  if (exit.signal) return `the backend was killed by ${exit.signal}`;
  return `the backend exited with code ${String(exit.code)}`;
}

/**
 * Turns supervisor events into the one ConnectionStatus the UI shows. Holds no supervision logic:
 * it only listens. Every change is pushed at once through `onChange`.
 */
export class ConnectionTracker {
  #status: ConnectionStatus = { phase: 'starting', attempt: 1, elapsedMs: 0, timeoutMs: 0, slow: false, afterCrash: false };
  #lastExit: SupervisorExitEvent | undefined;
  #everConnected = false;
  /** Set by a restart asked for (a new key, another workspace folder): its 'ready' is no reconnection. */
  #deliberate = false;
  #startedAt = 0;
  #tick: NodeJS.Timeout | undefined;
  readonly #options: ConnectionTrackerOptions;
  readonly #detach: Array<() => void> = [];

  constructor(options: ConnectionTrackerOptions) {
    this.#options = options;
    this.#listen('spawn', ({ attempt }) => this.#starting(attempt));
    this.#listen('ready', ({ startupMs }) => {
      this.#set({ phase: 'connected', reconnected: this.#everConnected && !this.#deliberate, startupMs });
      this.#everConnected = true;
      this.#deliberate = false;
      this.#lastExit = undefined;
    });
    this.#listen('unhealthy', ({ failures, error }) => {
      this.#set({ phase: 'unresponsive', failures, error: error instanceof Error ? error.message : String(error) });
    });
    this.#listen('exit', (exit) => {
      if (exit.reason === 'restart') this.#deliberate = true;
      else if (exit.reason !== 'stopped') {
        this.#lastExit = exit;
        this.#deliberate = false;
      }
    });
    this.#listen('backoff', ({ attempt, delayMs }) => {
      const exit = this.#lastExit;
      this.#set({ phase: 'reconnecting', attempt, delayMs, reason: describeExit(exit), lastLines: exit?.lastLines ?? [] });
    });
    this.#listen('failed', ({ reason, restarts, lastExit }) => {
      const exit = lastExit ?? this.#lastExit;
      // The supervisor's error message is technical; the banner says it in words, the log keeps the rest.
      const why = exit ? `${restarts} restart${restarts === 1 ? '' : 's'} did not help; last time ${describeExit(exit)}` : reason.message;
      this.#set({ phase: 'failed', reason: why, restarts, lastLines: exit?.lastLines ?? [] });
    });
    this.#listen('state', ({ to }) => {
      if (to === 'stopped') this.#set({ phase: 'stopped' });
    });
  }

  get status(): ConnectionStatus {
    return this.#status;
  }

  /** Forget the last crash (used when the user asks for a fresh start, e.g. Retry or a new key). */
  resetHistory(): void {
    this.#lastExit = undefined;
  }

  /** Show a final failure the supervisor did not announce as 'failed' (e.g. start() rejected at once). */
  failIfPending(error: unknown): void {
    if (this.#status.phase === 'failed' || this.#status.phase === 'stopped') return;
    const reason = error instanceof Error ? error.message : String(error);
    this.#set({ phase: 'failed', reason, restarts: 0, lastLines: this.#lastExit?.lastLines ?? [] });
  }

  dispose(): void {
    this.#stopTick();
    for (const detach of this.#detach.splice(0)) detach();
  }

  #starting(attempt: number): void {
    this.#startedAt = Date.now();
    this.#set(this.#startingStatus(attempt));
    this.#stopTick();
    this.#tick = setInterval(() => {
      if (this.#status.phase !== 'starting') return this.#stopTick();
      this.#set(this.#startingStatus(attempt));
    }, STARTING_TICK_MS);
    this.#tick.unref();
  }

  #startingStatus(attempt: number): ConnectionStatus {
    const elapsedMs = Date.now() - this.#startedAt;
    const slow = elapsedMs >= (this.#options.slowStartMs ?? DEFAULT_SLOW_START_MS);
    return { phase: 'starting', attempt, elapsedMs, timeoutMs: this.#options.startupTimeoutMs, slow, afterCrash: this.#lastExit !== undefined };
  }

  #stopTick(): void {
    if (this.#tick) clearInterval(this.#tick);
    this.#tick = undefined;
  }

  #set(status: ConnectionStatus): void {
    if (status.phase !== 'starting') this.#stopTick();
    this.#status = status;
    this.#options.onChange(status);
  }

  #listen<K extends keyof SupervisorEventMap>(event: K, listener: (payload: SupervisorEventMap[K]) => void): void {
    const handler = listener as (...args: unknown[]) => void;
    const emitter = this.#options.supervisor as unknown as { on(e: string, f: typeof handler): void; off(e: string, f: typeof handler): void };
    emitter.on(event, handler);
    this.#detach.push(() => emitter.off(event, handler));
  }
}
