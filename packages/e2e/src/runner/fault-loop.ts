import { setTimeout as delay } from 'node:timers/promises';
import type { ResolvedChaosOptions } from '../config/chaos-options.js';
import type { HistoryRecorder } from '../history/recorder.js';
import type { CheckedConfig, SupervisorRecord } from '../history/types.js';
import { now } from '../history/clock.js';
import { faultSchedule, formatFault, type PlannedFault } from '../schedule/build-schedule.js';
import { NON_DISRUPTIVE_FAULTS } from '../schedule/fault-kinds.js';
import type { FaultContext, FaultHooks } from '../faults/fault-context.js';
import { injectFault } from '../faults/inject-fault.js';
import { sendSignal, sendSignalToTree } from '../faults/signals.js';
import type { HostManager } from './host-manager.js';
import { isReadyAgain } from './ready-again.js';
import type { SystemView } from './system-view.js';

/** Runs the schedule: for each fault, wait for a ready backend, inject, wait for recovery, record. */
export class FaultLoop {
  readonly #options: ResolvedChaosOptions;
  readonly #recorder: HistoryRecorder;
  readonly #view: SystemView;
  readonly #hosts: HostManager;
  readonly #checked: CheckedConfig;
  readonly #hooks: FaultHooks;
  #lastReadyAt = 0;

  constructor(options: ResolvedChaosOptions, recorder: HistoryRecorder, view: SystemView, hosts: HostManager, checked: CheckedConfig, hooks: FaultHooks) {
    this.#hooks = hooks;
    this.#options = options;
    this.#recorder = recorder;
    this.#view = view;
    this.#hosts = hosts;
    this.#checked = checked;
    recorder.subscribe((e) => {
      if (isReadyAgain(e, view.host?.id)) this.#lastReadyAt = e.t;
    });
  }

  /** Injects faults until the count or the duration is reached; returns how many were planned. */
  async run(): Promise<number> {
    const started = now();
    let planned = 0;
    for (const fault of faultSchedule(this.#options.seed, { kinds: this.#options.kinds })) {
      if (planned >= this.#options.faults || this.#options.signal?.aborted === true) break;
      if (this.#options.durationMs !== undefined && now() - started >= this.#options.durationMs) break;
      planned += 1;
      await this.#one(fault);
    }
    return planned;
  }

  /** Brings the system back to a ready backend: start() after 'failed' or 'stopped', a new host if it died. */
  async ensureReady(): Promise<boolean> {
    const deadline = now() + this.#options.timing.recoveryTimeoutMs;
    while (!this.#view.ready && now() < deadline) {
      if (this.#view.host === undefined || !this.#view.host.alive) await this.#hosts.replace();
      else if (['failed', 'stopped', 'idle'].includes(this.#view.state)) await this.#hosts.start();
      else {
        const next = this.#view.next((e) => e.event === 'ready' || e.event === 'failed' || e.event === 'state', Math.max(1, deadline - now()), 'ready');
        await next.promise.catch(() => undefined);
      }
    }
    return this.#view.ready;
  }

  async #one(fault: PlannedFault): Promise<void> {
    await delay(fault.gapMs);
    await this.ensureReady();
    const undo: Array<() => Promise<void> | void> = [];
    let injectedAt: number | undefined;
    let skipped = false;
    const ctx = this.#context(fault, undo, (t) => { injectedAt = t; }, () => { skipped = true; });
    try {
      await injectFault(ctx);
    } catch (error) {
      if (injectedAt === undefined) ctx.skip(`could not reach ${fault.moment}: ${(error as Error).message}`);
    }
    if (injectedAt === undefined || skipped) {
      for (const step of undo) await step();
      return;
    }
    const recoveredAt = await this.#recovery(fault, injectedAt);
    this.#recorder.record({ type: 'fault', t: now(), index: fault.index, kind: fault.kind, moment: fault.moment, phase: 'end', host: this.#view.host?.id ?? 0, recoveredAt });
    for (const step of undo) await step();
    const took = recoveredAt === null ? 'NOT recovered' : `recovered in ${Math.round(recoveredAt - injectedAt)}ms`;
    this.#options.onProgress(`${formatFault(fault)} -> ${took}`);
  }

  async #recovery(fault: PlannedFault, injectedAt: number): Promise<number | null> {
    if (NON_DISRUPTIVE_FAULTS.has(fault.kind) && this.#view.ready) return now();
    const deadline = now() + this.#options.timing.recoveryTimeoutMs;
    while (now() < deadline) {
      if (this.#view.ready && this.#lastReadyAt > injectedAt) return this.#lastReadyAt;
      if (this.#view.host === undefined || !this.#view.host.alive) await this.#hosts.replace();
      else if (['failed', 'stopped'].includes(this.#view.state)) await this.#hosts.start();
      else {
        const next = this.#view.next((e: SupervisorRecord) => e.event === 'ready' || e.event === 'failed' || e.event === 'state', Math.max(1, deadline - now()), 'recovery');
        await next.promise.catch(() => undefined);
      }
    }
    return null;
  }

  #context(fault: PlannedFault, undo: Array<() => Promise<void> | void>, onInject: (t: number) => void, onSkip: () => void): FaultContext {
    const hostId = () => this.#view.host?.id ?? 0;
    const action = { type: 'fault-action', index: fault.index, kind: fault.kind } as const;
    return {
      fault,
      view: this.#view,
      timing: this.#options.timing,
      recorder: this.#recorder,
      checkedConfig: this.#checked,
      floodFile: this.#hooks.floodFile,
      nextSuiteAnswer: this.#hooks.nextSuiteAnswer,
      inject: (details = {}) => {
        const t = now();
        this.#recorder.record({ type: 'fault', t, index: fault.index, kind: fault.kind, moment: fault.moment, phase: 'inject', host: hostId(), ...details });
        onInject(t);
        return t;
      },
      skip: (detail) => {
        this.#recorder.record({ type: 'fault', t: now(), index: fault.index, kind: fault.kind, moment: fault.moment, phase: 'skip', host: hostId(), detail });
        onSkip();
        this.#options.onProgress(`${formatFault(fault)} -> skipped: ${detail}`);
      },
      signal: (pid, sig, aim) => {
        const t = now();
        const hit = aim.tree === true ? sendSignalToTree(pid, sig) : sendSignal(pid, sig) ? [pid] : [];
        this.#recorder.record({ ...action, t, host: hostId(), action: 'signal', signal: sig, pid, root: aim.root ?? pid, hit, detail: aim.detail });
        return hit;
      },
      recordAction: (kind, port, detail) => {
        this.#recorder.record({ ...action, t: now(), host: hostId(), action: kind, port, detail });
      },
      start: () => this.#hosts.start(),
      stop: () => this.#hosts.stop(),
      replaceHost: () => this.#hosts.replace(),
      afterRecovery: (step) => { undo.push(step); },
    };
  }
}
