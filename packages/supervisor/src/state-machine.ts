import type { Logger } from 'pino';
import type { SupervisorError } from './errors.js';
import type { ExitInfo, SupervisorEvents } from './events.js';
import type { SupervisorConfig } from './options/config.js';
import { PidKeeper } from './orphans/pid-keeper.js';
import { PortKeeper } from './port/port-keeper.js';
import type { BackendRun } from './run/backend-run.js';
import type { SessionHost } from './session/session-host.js';
import { canTransition, type SupervisorState } from './state.js';
import { Pending } from './util/pending.js';
import { backendUrl } from './util/url.js';

/** What start(), restart() and whenReady() resolve with. */
export interface StartResult {
  readonly url: string | undefined;
  readonly port: number | undefined;
  readonly pid: number;
}

type Emit = <E extends keyof SupervisorEvents & string>(event: E, ...args: SupervisorEvents[E]) => void;

/**
 * A supervisor's state and what it remembers across launches (last exit, last error, the port, the
 * pid file), every transition checked against TRANSITIONS; the launch session drives it.
 */
export class StateMachine implements SessionHost {
  readonly config: SupervisorConfig;
  readonly log: Logger | undefined;
  readonly pids: PidKeeper;
  readonly ports: PortKeeper;
  /** The start() and whenReady() callers waiting for the next 'ready'. */
  readonly ready = new Pending<StartResult>();
  lastExit: ExitInfo | undefined;
  lastError: SupervisorError | undefined;
  readonly #emit: Emit;
  readonly #listens: (event: keyof SupervisorEvents & string) => boolean;
  #state: SupervisorState = 'idle';

  constructor(config: SupervisorConfig, emit: Emit, listens: (event: keyof SupervisorEvents & string) => boolean) {
    this.config = config;
    this.log = config.logger?.child({ service: config.name });
    this.pids = new PidKeeper(config.runtimeDir, config.name, this.log);
    this.ports = new PortKeeper(config.name, config.host, config.port);
    this.#emit = emit;
    this.#listens = listens;
  }

  state(): SupervisorState {
    return this.#state;
  }

  transition(to: SupervisorState): void {
    const from = this.#state;
    if (!canTransition(from, to)) {
      this.log?.error({ from, to }, 'illegal state transition ignored (a supervisor bug)');
      return;
    }
    this.#state = to;
    this.log?.debug({ from, to }, 'state');
    this.#emit('state', { from, to });
  }

  emit<E extends keyof SupervisorEvents & string>(event: E, ...args: SupervisorEvents[E]): void {
    this.#emit(event, ...args);
  }

  listens(event: keyof SupervisorEvents & string): boolean {
    return this.#listens(event);
  }

  becameReady(run: BackendRun): void {
    this.transition('ready');
    this.#emit('ready', { pid: run.pid, port: run.port, url: backendUrl(this.config.host, run.port), attempt: run.attempt, startupMs: (run.readySince ?? Date.now()) - run.spawnedAt });
    // Unless a 'ready' listener stopped or restarted it meanwhile.
    if (this.#state === 'ready' || this.#state === 'unhealthy') this.ready.resolve(this.result(run));
  }

  recordExit(info: ExitInfo): void {
    this.lastExit = info;
  }

  recordError(error: SupervisorError): void {
    this.lastError = error;
  }

  fail(error: SupervisorError, restarts: number): void {
    this.lastError = error;
    if (!canTransition(this.#state, 'failed')) return;
    this.ready.reject(error); // before the events, so a listener's start() gets a fresh promise
    this.transition('failed');
    this.log?.error({ err: error, restarts }, 'backend failed; supervisor gave up');
    this.#emit('failed', { reason: error, restarts, lastExit: this.lastExit });
  }

  result(run: BackendRun): StartResult {
    return { url: backendUrl(this.config.host, run.port), port: run.port, pid: run.pid };
  }
}
