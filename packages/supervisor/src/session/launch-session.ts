import { asSupervisorError, SupervisorError } from '../errors.js';
import type { ExitInfo } from '../events.js';
import { ReadinessWatch } from '../readiness/wait-ready.js';
import { RestartPolicy } from '../restart/restart-policy.js';
import { exitError } from '../run/exit-report.js';
import type { KillTreeResult } from '../stop/index.js';
import { childController, sleep } from '../util/abort.js';
import { killFor, terminate, type LiveRun } from './live-run.js';
import type { SessionHost } from './session-host.js';
import { spawnAttempt } from './spawn-attempt.js';
import { superviseRun } from './supervise-run.js';

/**
 * Everything one start() sets going, until stop() or 'failed': the loop of spawn, readiness, health,
 * exit and restart. It owns an AbortController: every timer and probe of the session hangs on its
 * signal, so stop() is one abort(). At most one backend tree is alive: a spawn waits until the
 * previous tree (of this session or the one before) is gone.
 */
export class LaunchSession {
  readonly #host: SessionHost;
  readonly #controller = new AbortController();
  readonly #policy: RestartPolicy | undefined;
  #live: LiveRun | undefined;
  #treeGone: Promise<KillTreeResult | undefined>;
  #skipBackoff: AbortController | undefined;
  readonly #done: Promise<void>;
  attempt = 0;
  restarts = 0;

  constructor(host: SessionHost, previousTreeGone: Promise<unknown>) {
    this.#host = host;
    this.#policy = host.config.restart === false ? undefined : new RestartPolicy(host.config.restart);
    this.#treeGone = previousTreeGone.then(() => undefined, () => undefined);
    this.#done = this.#loop();
  }

  /** The run being watched (until its exit is reported). */
  get live(): LiveRun | undefined {
    return this.#live;
  }

  /** Settles when this session's last tree is gone (for the next session's first spawn). */
  get treeGone(): Promise<unknown> {
    return this.#done.then(() => this.#treeGone);
  }

  /** Ends the session (stop()): resolves with the pids that survived SIGKILL (normally none). */
  async stop(): Promise<readonly number[]> {
    this.#controller.abort();
    await this.#done;
    return (await this.#treeGone)?.survivors ?? [];
  }

  /** restart(): the current backend is replaced at once (a pending backoff is cut short). */
  replace(): void {
    const live = this.#live;
    this.#skipBackoff?.abort();
    if (live === undefined || live.run.hasExited) return;
    live.controller.abort(); // no health verdict on the old process any more
    if (this.#host.state() === 'ready' || this.#host.state() === 'unhealthy') this.#host.transition('starting');
    killFor(this.#host, live.run, 'restart', undefined);
  }

  async #loop(): Promise<void> {
    const host = this.#host;
    const signal = this.#controller.signal;
    try {
      for (let first = true; !signal.aborted; first = false) {
        await this.#treeGone;
        if (first) await host.pids.reapStale(host.config.stop.signal, host.config.stop.timeoutMs);
        if (signal.aborted) return;
        const { info, readySince, error } = await this.#runOnce();
        if (signal.aborted || info.reason === 'stopped') return;
        if (info.reason === 'restart') continue;
        if (!(await this.#backoff(readySince, error))) return;
      }
    } catch (error) {
      if (!signal.aborted) host.fail(asSupervisorError(error, 'SUP_ERR_INTERNAL', host.config.name), this.restarts);
    }
  }

  /** One spawn, watched until its exit; the tree is cleaned up right after the exit was reported. */
  async #runOnce(): Promise<{ readonly info: ExitInfo; readonly readySince: number | undefined; readonly error: SupervisorError }> {
    const host = this.#host;
    const readiness = new ReadinessWatch(host.config.readiness);
    this.attempt += 1;
    const { run, releaseHostHook } = await spawnAttempt(host, this.attempt, readiness);
    const { controller, dispose } = childController(this.#controller.signal);
    const live: LiveRun = { run, controller, health: undefined, metrics: undefined };
    this.#live = live;
    host.emit('spawn', { pid: run.pid, attempt: run.attempt, port: run.port, instanceId: run.instanceId }); // snapshot() shows it already
    const info = await superviseRun(host, live, readiness, this.#controller.signal).finally(dispose);
    this.#live = undefined;
    this.#treeGone = terminate(host, run).then(async (result) => {
      releaseHostHook();
      if (result.survivors.length === 0) await host.pids.forget(run.pid);
      return result;
    });
    return { info, readySince: run.readySince, error: exitError(host.config.name, run, info) };
  }

  /**
   * After an unexpected exit: 'backoff' for the policy's delay (0 for the first crash of a streak)
   * and until the old tree is gone, then 'starting'; or 'failed'. False when the session is over.
   */
  async #backoff(readySince: number | undefined, cause: SupervisorError): Promise<boolean> {
    const host = this.#host;
    host.recordError(cause);
    const decision = this.#policy?.next(Date.now(), readySince);
    if (decision === undefined) return this.#giveUp(cause);
    if (decision.action === 'give-up') {
      const detail = `${decision.restartsInWindow} restarts within ${(host.config.restart as { windowMs: number }).windowMs} ms; last: ${cause.message}`;
      return this.#giveUp(new SupervisorError('SUP_ERR_GAVE_UP', host.config.name, detail, { cause }));
    }
    this.restarts += 1;
    host.transition('backoff');
    if (this.#controller.signal.aborted) return false; // a 'state' listener called stop()
    host.emit('backoff', { attempt: this.attempt + 1, delayMs: decision.delayMs });
    const skip = childController(this.#controller.signal);
    this.#skipBackoff = skip.controller;
    await Promise.all([sleep(decision.delayMs, skip.controller.signal), this.#treeGone]);
    skip.dispose();
    this.#skipBackoff = undefined;
    if (this.#controller.signal.aborted || host.state() !== 'backoff') return false;
    host.transition('starting');
    return true;
  }

  #giveUp(error: SupervisorError): false {
    this.#host.fail(error, this.restarts);
    return false;
  }
}
