import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { SupervisorError } from './errors.js';
import type { ExitInfo, LogLine, SupervisorEvents, SupervisorSnapshot } from './events.js';
import type { HealthMonitor } from './health/health-monitor.js';
import { watchHealth } from './health/watch-health.js';
import { normalizeOptions } from './options/normalize.js';
import type { SupervisorConfig } from './options/config.js';
import type { SupervisorOptions } from './options/types.js';
import { killOnHostExit } from './orphans/exit-hook.js';
import { PidKeeper } from './orphans/pid-keeper.js';
import { mentionsAddressInUse } from './port/free-port.js';
import { resolvePort } from './port/resolve-port.js';
import { ReadinessTimeout, waitReady, type ReadinessWait } from './readiness/wait-ready.js';
import { RestartPolicy } from './restart/restart-policy.js';
import { BackendRun, type RawExit } from './run/backend-run.js';
import { describeExit, exitError } from './run/exit-report.js';
import { SafeEventEmitter } from './safe-emitter.js';
import { canTransition, type SupervisorState } from './state.js';
import { Pending } from './util/pending.js';
import { backendUrl } from './util/url.js';

/** What start() resolves with. */
export interface StartResult {
  readonly url: string | undefined;
  readonly port: number | undefined;
  readonly pid: number;
}

/**
 * Keeps one backend process alive: spawn, readiness, health probes, crash and hang detection,
 * backoff restarts, whole-tree stop, pino logs and typed events. See the package README.
 */
export class Supervisor extends SafeEventEmitter<SupervisorEvents> {
  readonly name: string;
  readonly #config: SupervisorConfig;
  readonly #log: Logger | undefined;
  readonly #pids: PidKeeper;
  #state: SupervisorState = 'idle';
  #session = 0;
  #run: BackendRun | undefined;
  #policy: RestartPolicy | undefined;
  readonly #pendingStart = new Pending<StartResult>();
  #stopping: Promise<void> | undefined;
  #launching: Promise<void> | undefined;
  #readiness: ReadinessWait | undefined;
  #health: HealthMonitor | undefined;
  #backoffTimer: NodeJS.Timeout | undefined;
  #attempt = 0;
  #restarts = 0;
  #lastPort: number | undefined;
  #portTaken = false;
  #lastExit: ExitInfo | undefined;
  #lastError: Error | undefined;
  /** Settles when the previous run's tree is gone: no launch before (one backend tree at a time). */
  #previousTreeGone: Promise<unknown> = Promise.resolve();

  /** @throws TypeError naming the option and the value when an option is invalid. */
  constructor(options: SupervisorOptions) {
    super();
    this.#config = normalizeOptions(options);
    this.name = this.#config.name;
    this.#log = this.#config.logger?.child({ service: this.name });
    this.#pids = new PidKeeper(this.#config.runtimeDir, this.name, this.#log);
  }

  /** The current state. */
  get state(): SupervisorState {
    return this.#state;
  }

  /** The path of this supervisor's pid file, or undefined when orphan reaping is off. */
  get pidFile(): string | undefined {
    return this.#pids.path;
  }

  /** A consistent view of the current state. */
  snapshot(): SupervisorSnapshot {
    const run = this.#run;
    const live = run !== undefined && !run.hasExited;
    return {
      name: this.name,
      state: this.#state,
      pid: live ? run.pid : undefined,
      port: live ? run.port : this.#lastPort,
      url: live ? backendUrl(this.#config.host, run.port) : undefined,
      instanceId: live ? run.instanceId : undefined,
      restarts: this.#restarts,
      attempt: this.#attempt,
      lastExit: this.#lastExit,
      readySince: live ? run.readySince : undefined,
      healthFailures: this.#health?.failures ?? 0,
      lastError: this.#lastError,
    };
  }

  /**
   * Starts the backend and resolves when it is ready. From 'ready'/'unhealthy' resolves at once; while
   * starting or in backoff, resolves at the next 'ready'; from 'failed' or 'stopped' starts afresh.
   * Rejects with a SupervisorError when it gives up, or SUP_ERR_ABORTED when stop() comes first.
   */
  start(): Promise<StartResult> {
    const run = this.#run;
    switch (this.#state) {
      case 'ready':
      case 'unhealthy':
        if (run !== undefined) return Promise.resolve(this.#result(run));
        break;
      case 'starting':
      case 'backoff':
        return this.#pendingStart.wait();
      case 'stopping':
        return (this.#stopping ?? Promise.resolve()).catch(() => undefined).then(() => this.start());
      default:
        break;
    }
    this.#session += 1;
    this.#attempt = 0;
    this.#restarts = 0;
    this.#portTaken = false;
    this.#lastError = undefined;
    this.#policy = this.#config.restart === false ? undefined : new RestartPolicy(this.#config.restart);
    const pending = this.#pendingStart.wait();
    this.#transition('starting');
    this.#launching = this.#launch(this.#session, true);
    return pending;
  }

  /**
   * Stops the backend and its whole process tree; resolves when every process of it is gone.
   * Idempotent: concurrent calls share one promise. Cancels a pending restart, aborts a start.
   */
  stop(): Promise<void> {
    if (this.#stopping !== undefined) return this.#stopping;
    if (this.#state === 'idle' || this.#state === 'stopped') return Promise.resolve();
    this.#stopping = this.#stopNow().finally(() => (this.#stopping = undefined));
    return this.#stopping;
  }

  async #stopNow(): Promise<void> {
    this.#session += 1;
    this.#transition('stopping');
    this.#cancelTimers();
    this.#pendingStart.reject(new SupervisorError('SUP_ERR_ABORTED', this.name));
    await this.#launching?.catch(() => undefined);
    const run = this.#run;
    let survivors: readonly number[] = [];
    if (run !== undefined) {
      if (!run.hasExited) run.killReason ??= 'stopped';
      survivors = (await this.#terminate(run)).survivors;
      await run.exited;
      if (survivors.length === 0) await this.#pids.forget(run.pid);
    }
    this.#run = undefined;
    this.#transition('stopped');
    if (survivors.length > 0) {
      throw new SupervisorError('SUP_ERR_STOP_TIMEOUT', this.name, `pids ${survivors.join(', ')} survived SIGKILL`);
    }
  }

  async #launch(session: number, first: boolean): Promise<void> {
    try {
      await this.#previousTreeGone;
      if (first) await this.#pids.reapStale(this.#config.stop.signal, this.#config.stop.timeoutMs);
      if (session !== this.#session) return;
      const port = await resolvePort(this.name, this.#config.host, this.#config.port, this.#lastPort, this.#portTaken);
      if (session !== this.#session) return;
      const instanceId = randomUUID();
      this.#attempt += 1;
      const target = port === undefined ? undefined : { host: this.#config.host, port, instanceId };
      const readiness = (this.#readiness = waitReady(this.#config.readiness.check, target, this.#config.readiness.timeoutMs));
      const run = await this.#spawn(port, instanceId, readiness);
      if (session !== this.#session) return;
      await this.#awaitReady(run, readiness, session);
    } catch (error) {
      this.#readiness?.cancel();
      if (session === this.#session) this.#fail(error instanceof Error ? error : new Error(String(error)));
    }
  }

  async #spawn(port: number | undefined, instanceId: string, readiness: ReadinessWait): Promise<BackendRun> {
    const { config } = { config: this.#config };
    let recorded = false;
    const run = await BackendRun.launch({
      onForked: (pid) => (recorded = this.#pids.recordNow(pid, instanceId, config.command)),
      name: this.name, command: config.command, args: config.args, env: config.env, cwd: config.cwd, port, instanceId,
      attempt: this.#attempt, maxLineBytes: config.logs.maxLineBytes, lastLines: config.logs.lastLines, logger: this.#log,
      onLine: (entry) => this.#onLine(entry, readiness),
    });
    this.#run = run;
    this.#lastPort = port;
    this.#portTaken = false;
    // 'exit' is reported first (crash detection is a benchmarked figure), then the tree is cleaned up.
    void run.exited.then((raw) => this.#onExit(run, raw));
    const unregister = killOnHostExit(run.pid);
    void run.exited.then(() => this.#terminate(run)).catch(() => undefined).finally(unregister);
    if (!recorded) void this.#pids.record(run.pid, run.leader.startTime, instanceId, config.command);
    this.emit('spawn', { pid: run.pid, attempt: run.attempt, port, instanceId });
    return run;
  }

  async #awaitReady(run: BackendRun, readiness: ReadinessWait, session: number): Promise<void> {
    try {
      await readiness.promise;
    } catch (error) {
      if (!(error instanceof ReadinessTimeout) || session !== this.#session || run.hasExited) return;
      this.#lastError = new SupervisorError('SUP_ERR_STARTUP_TIMEOUT', this.name, error.message, { cause: error.cause ?? error });
      run.killReason = 'startup-timeout';
      void this.#terminate(run);
      return;
    }
    if (session !== this.#session || run.hasExited || this.#run !== run) return;
    run.readySince = Date.now();
    this.#transition('ready');
    this.emit('ready', { pid: run.pid, port: run.port, url: backendUrl(this.#config.host, run.port), attempt: run.attempt, startupMs: run.readySince - run.spawnedAt });
    if (session !== this.#session) return; // a listener called stop()
    this.#pendingStart.resolve(this.#result(run));
    this.#startHealth(run);
    void run.rememberTree().catch(() => undefined);
  }

  #startHealth(run: BackendRun): void {
    const target = run.port === undefined ? undefined : { host: this.#config.host, port: run.port, instanceId: run.instanceId };
    this.#health = watchHealth(this.#config.health, target, {
      isCurrent: () => this.#run === run && !run.hasExited && this.#state !== 'stopping',
      onFailure: (error, failures, hung) => {
        if (this.#state === 'ready') this.#transition('unhealthy');
        this.emit('unhealthy', { pid: run.pid, failures, error });
        if (!hung) return;
        this.#lastError = new SupervisorError('SUP_ERR_UNHEALTHY', this.name, `${failures} failures, last: ${error.message}`, { cause: error });
        run.killReason = 'unhealthy';
        void this.#terminate(run);
      },
      onRecovery: () => {
        if (this.#state === 'unhealthy') this.#transition('ready');
      },
      // Keep the remembered tree fresh, so a process that later leaves the group is still stopped.
      onProbe: () => void run.rememberTree().catch(() => undefined),
    });
  }

  #onExit(run: BackendRun, raw: RawExit): void {
    if (this.#run !== run) return;
    this.#readiness?.cancel();
    this.#health?.stop();
    const reason = run.killReason ?? (this.#state === 'stopping' ? 'stopped' : 'crash');
    const info = describeExit(run, raw, reason);
    this.#lastExit = info;
    if (mentionsAddressInUse(info.lastLines)) this.#portTaken = true;
    this.#log?.[reason === 'stopped' ? 'info' : 'warn']({ pid: info.pid, code: info.code, signal: info.signal, reason, uptimeMs: info.uptimeMs }, 'backend exited');
    this.emit('exit', info);
    if (this.#state === 'stopping' || reason === 'stopped') return;
    const cleanup = this.#terminate(run).then(() => this.#pids.forget(run.pid));
    const cause = exitError(this.name, run, info, this.#lastError);
    this.#lastError = cause;
    const decision = this.#policy?.next(Date.now(), run.readySince);
    if (decision === undefined) return this.#fail(cause);
    if (decision.action === 'give-up') {
      const detail = `${decision.restartsInWindow} restarts within ${(this.#config.restart as { windowMs: number }).windowMs} ms; last: ${cause.message}`;
      return this.#fail(new SupervisorError('SUP_ERR_GAVE_UP', this.name, detail, { cause }));
    }
    this.#restarts += 1;
    const session = this.#session;
    this.#transition('backoff');
    if (session !== this.#session) return; // a 'state' listener called stop()
    this.emit('backoff', { attempt: this.#attempt + 1, delayMs: decision.delayMs });
    this.#backoffTimer = setTimeout(() => {
      void cleanup.then(() => {
        if (session !== this.#session || this.#state !== 'backoff') return;
        this.#transition('starting');
        this.#launching = this.#launch(session, false);
      });
    }, decision.delayMs);
  }

  #fail(error: Error): void {
    this.#cancelTimers();
    this.#lastError = error;
    if (!canTransition(this.#state, 'failed')) return;
    const run = this.#run;
    if (run !== undefined) this.#previousTreeGone = this.#terminate(run).then(() => this.#pids.forget(run.pid));
    this.#pendingStart.reject(error); // before the events, so a listener's start() gets a fresh promise
    this.#transition('failed');
    this.#log?.error({ err: error, restarts: this.#restarts }, 'backend failed; supervisor gave up');
    this.emit('failed', { reason: error, restarts: this.#restarts, lastExit: this.#lastExit });
  }

  #onLine(entry: LogLine, readiness: ReadinessWait): void {
    readiness.notifyLine(entry.stream, entry.line);
    if (this.listenerCount('log') > 0) this.emit('log', entry);
  }

  #terminate(run: BackendRun): ReturnType<BackendRun['terminate']> {
    const { signal, timeoutMs } = this.#config.stop;
    return run.terminate(signal, timeoutMs, (survivors) => this.#log?.warn({ pid: run.pid, survivors }, `tree still alive after ${timeoutMs} ms; sending SIGKILL`));
  }

  #cancelTimers(): void {
    clearTimeout(this.#backoffTimer);
    this.#backoffTimer = undefined;
    this.#readiness?.cancel();
    this.#health?.stop();
  }

  #result(run: BackendRun): StartResult {
    return { url: backendUrl(this.#config.host, run.port), port: run.port, pid: run.pid };
  }

  #transition(to: SupervisorState): void {
    const from = this.#state;
    if (!canTransition(from, to)) {
      this.#log?.error({ from, to }, 'illegal state transition ignored (a supervisor bug)');
      return;
    }
    this.#state = to;
    this.#log?.debug({ from, to }, 'state');
    this.emit('state', { from, to });
  }

  protected override onListenerError(event: string, error: unknown): void {
    this.#log?.error({ err: error, event }, 'a listener threw; the supervisor carries on');
    if (event !== 'listener-error') this.emit('listener-error', { event, error });
  }
}
