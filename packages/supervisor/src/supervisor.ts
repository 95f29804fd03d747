import { SupervisorError } from './errors.js';
import type { SupervisorEvents, SupervisorSnapshot } from './events.js';
import { TypedEmitter } from './events/typed-emitter.js';
import { normalizeOptions } from './options/normalize.js';
import type { SupervisorOptions } from './options/types.js';
import { LaunchSession } from './session/launch-session.js';
import { StateMachine, type StartResult } from './state-machine.js';
import type { SupervisorState } from './state.js';
import { isSignalName } from './stop/options.js';
import { abortable, checkWaitOptions, type WaitOptions } from './util/wait-options.js';
import { backendUrl } from './util/url.js';

export type { StartResult } from './state-machine.js';

/**
 * Keeps one backend process alive: spawn, readiness, health probes, crash and hang detection,
 * restarts, whole-tree stop, orphan reaping, metrics, pino logs and typed events. See the README.
 */
export class Supervisor extends TypedEmitter<SupervisorEvents> {
  readonly name: string;
  readonly #machine: StateMachine;
  #session: LaunchSession | undefined;
  #stopping: Promise<void> | undefined;

  /** @throws TypeError naming the option and the value when an option is invalid. */
  constructor(options: SupervisorOptions) {
    super();
    const config = normalizeOptions(options);
    this.name = config.name;
    this.#machine = new StateMachine(config, (event, ...args) => void this.emit(event, ...args), (event) => this.listenerCount(event) > 0);
  }

  /** The current state. */
  get state(): SupervisorState {
    return this.#machine.state();
  }

  /** The path of this supervisor's pid file, or undefined when orphan reaping is off. */
  get pidFile(): string | undefined {
    return this.#machine.pids.path;
  }

  /** A consistent view of the current state (JSON-safe: errors keep their message and code). */
  snapshot(): SupervisorSnapshot {
    const live = this.#session?.live;
    const run = live?.run.hasExited === false ? live.run : undefined;
    return {
      name: this.name,
      state: this.state,
      pid: run?.pid,
      port: run?.port ?? this.#machine.ports.last,
      url: run === undefined ? undefined : backendUrl(this.#machine.config.host, run.port),
      instanceId: run?.instanceId,
      restarts: this.#session?.restarts ?? 0,
      attempt: this.#session?.attempt ?? 0,
      lastExit: this.#machine.lastExit,
      readySince: run?.readySince,
      healthFailures: live?.health?.failures ?? 0,
      lastError: this.#machine.lastError,
      metrics: run === undefined ? undefined : live?.metrics,
    };
  }

  /**
   * Starts the backend and resolves when it is ready. From 'ready'/'unhealthy' resolves at once; while
   * starting or in backoff, at the next 'ready'; from 'failed' or 'stopped' starts afresh. Rejects with
   * a SupervisorError when it gives up, SUP_ERR_ABORTED when stop() comes first or `signal` aborts
   * (which, before ready, also stops the supervisor as stop() would).
   */
  start(options?: WaitOptions): Promise<StartResult> {
    const signal = checkWaitOptions('start', options);
    if (signal?.aborted) return Promise.reject(this.#aborted(signal));
    const started = this.#startNow();
    if (signal === undefined) return started;
    return abortable(started, signal, () => {
      if (this.state === 'starting' || this.state === 'backoff') void this.stop().catch(() => undefined);
      return this.#aborted(signal);
    });
  }

  /**
   * Stops the backend and its whole process tree; resolves when every process of it is gone.
   * Idempotent: concurrent calls share one promise. Cancels a pending restart, aborts a start.
   */
  stop(): Promise<void> {
    if (this.#stopping !== undefined) return this.#stopping;
    if (this.state === 'idle' || this.state === 'stopped') return Promise.resolve();
    this.#stopping = this.#stopNow().finally(() => (this.#stopping = undefined));
    return this.#stopping;
  }

  /**
   * Replaces the backend by a fresh process at once (no backoff, not counted as a restart): the old
   * tree is stopped ('exit' with reason 'restart'), a new one spawned; resolves at its 'ready'. From
   * 'idle', 'stopped' or 'failed' it is start(); while stopping, start() once stopped.
   */
  restart(): Promise<StartResult> {
    if (this.state === 'starting' || this.state === 'backoff' || this.state === 'ready' || this.state === 'unhealthy') {
      const ready = this.#machine.ready.wait();
      this.#session?.replace();
      return ready;
    }
    return this.#afterStop().then(() => this.start());
  }

  /** Sends `signal` to the backend process only (e.g. SIGHUP to reload); false when none runs. An exit it causes is a crash. */
  signal(signal: NodeJS.Signals): boolean {
    if (!isSignalName(signal)) throw new TypeError(`signal() needs a signal name such as "SIGHUP", received ${JSON.stringify(signal)}`);
    return this.#session?.live?.run.signal(signal) ?? false;
  }

  /**
   * Resolves when the backend is ready (at once while 'ready' or 'unhealthy'), without starting it:
   * waits through 'idle', 'starting' and 'backoff'. Rejects with the failure in 'failed',
   * SUP_ERR_NOT_RUNNING when stopped, SUP_ERR_ABORTED when stop() comes first, `signal.reason` on abort.
   */
  whenReady(options?: WaitOptions): Promise<StartResult> {
    const signal = checkWaitOptions('whenReady', options);
    const run = this.#session?.live?.run;
    if ((this.state === 'ready' || this.state === 'unhealthy') && run !== undefined) return Promise.resolve(this.#machine.result(run));
    if (this.state === 'failed') return Promise.reject(this.#machine.lastError ?? new SupervisorError('SUP_ERR_INTERNAL', this.name, 'failed without an error'));
    if (this.state === 'stopping' || this.state === 'stopped') return Promise.reject(new SupervisorError('SUP_ERR_NOT_RUNNING', this.name));
    const ready = this.#machine.ready.wait();
    return signal === undefined ? ready : abortable(ready, signal, () => signal.reason);
  }

  #startNow(): Promise<StartResult> {
    const run = this.#session?.live?.run;
    if ((this.state === 'ready' || this.state === 'unhealthy') && run !== undefined) return Promise.resolve(this.#machine.result(run));
    if (this.state === 'starting' || this.state === 'backoff') return this.#machine.ready.wait();
    if (this.state === 'stopping') return this.#afterStop().then(() => this.#startNow());
    const previousTreeGone = this.#session?.treeGone ?? Promise.resolve();
    this.#machine.lastError = undefined;
    const pending = this.#machine.ready.wait();
    this.#machine.transition('starting');
    this.#session = new LaunchSession(this.#machine, previousTreeGone);
    return pending;
  }

  async #stopNow(): Promise<void> {
    this.#machine.transition('stopping');
    this.#machine.ready.reject(new SupervisorError('SUP_ERR_ABORTED', this.name, 'stop() was called'));
    const survivors = (await this.#session?.stop()) ?? [];
    this.#machine.transition('stopped');
    if (survivors.length > 0) throw new SupervisorError('SUP_ERR_STOP_TIMEOUT', this.name, `pids ${survivors.join(', ')} survived SIGKILL`);
  }

  /** Settles once a stop in progress is over (at once when none is). */
  #afterStop(): Promise<void> {
    return (this.#stopping ?? Promise.resolve()).catch(() => undefined);
  }

  #aborted(signal: AbortSignal): SupervisorError {
    return new SupervisorError('SUP_ERR_ABORTED', this.name, 'the AbortSignal given to start() aborted', { cause: signal.reason });
  }

  protected override onListenerError(event: string, error: unknown): void {
    this.#machine.log?.error({ err: error, event }, 'a listener threw; the supervisor carries on');
    if (event !== 'listener-error') this.emit('listener-error', { event, error });
  }
}
