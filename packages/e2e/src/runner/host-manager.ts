import { ChaosError } from '../errors.js';
import type { HistoryRecorder } from '../history/recorder.js';
import { HostHandle } from '../host/host-handle.js';
import type { HostSupervisorConfig } from '../host/protocol.js';
import type { TreeTracker } from '../proc/tree-tracker.js';
import type { ProcSampler } from '../proc/proc-sampler.js';
import { numberField } from '../invariants/select.js';
import type { SystemView } from './system-view.js';

/** Launches, replaces and closes host subprocesses; every backend they spawn is tracked in /proc. */
export class HostManager {
  readonly #config: HostSupervisorConfig;
  readonly #recorder: HistoryRecorder;
  readonly #view: SystemView;
  readonly #hosts: HostHandle[] = [];

  constructor(config: HostSupervisorConfig, recorder: HistoryRecorder, view: SystemView, tracker: TreeTracker, sampler: ProcSampler) {
    this.#config = config;
    this.#recorder = recorder;
    this.#view = view;
    recorder.subscribe((e) => {
      if (e.type !== 'sup' || e.event !== 'spawn') return;
      const pid = numberField(e, 'pid');
      if (pid === undefined) return;
      tracker.addRoot(pid, e.host);
      sampler.sampleNow();
    });
  }

  /** Every host ever launched (for the final leftover check). */
  get hosts(): readonly HostHandle[] {
    return this.#hosts;
  }

  /** Launches a new host and makes it current. */
  async launch(): Promise<HostHandle> {
    const host = await HostHandle.launch(this.#hosts.length + 1, this.#config, this.#recorder);
    this.#hosts.push(host);
    this.#view.setHost(host);
    return host;
  }

  /**
   * start() on the current host; a rejection (e.g. SUP_ERR_GAVE_UP) is recorded, not thrown, except a
   * command that cannot be spawned at all (SUP_ERR_SPAWN): no fault can run against it.
   */
  async start(): Promise<void> {
    await this.#view.host?.command('start').catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      if (message.includes('SUP_ERR_SPAWN')) throw new ChaosError('CHAOS_ERR_CONFIG', `the backend cannot be started: ${message}`, { cause: error });
    });
  }

  async stop(): Promise<void> {
    await this.#view.host?.command('stop').catch(() => {});
  }

  /** SIGKILLs the current host, launches the next one and starts it. */
  async replace(): Promise<void> {
    await this.#view.host?.kill();
    await this.launch();
    await this.start();
  }

  /** Stops the current host's supervisor, then lets every host exit. */
  async closeAll(): Promise<void> {
    await this.stop();
    for (const host of this.#hosts) await host.close();
  }
}
