import type { Logger } from 'pino';
import { defaultProcessTable } from '../proc/index.js';
import { readStat } from '../proc/linux-proc.js';
import type { RuntimeDirSetting } from './options.js';
import { ensurePrivateDir, pidFilePath, removePidFile, writePidFileSync } from './pid-file.js';
import { reapStale } from './reap-stale.js';

/** What the pid file says about one spawn. */
export interface SpawnRecord {
  readonly pid: number;
  readonly startTime: string;
  readonly instanceId: string;
  readonly command: string;
  readonly cgroup: string | undefined;
}

/**
 * The pid file of one supervisor name: reap a stale tree before the first spawn, record each spawn,
 * forget it once its tree is gone. The directory is checked once: when the default one is not private
 * (another user created it first), a directory under the user's state dir is used instead, with a
 * warning; an explicit one that is not private turns orphan reaping off, with a warning.
 */
export class PidKeeper {
  readonly #setting: RuntimeDirSetting | false;
  readonly #name: string;
  readonly #log: Logger | undefined;
  #path: string | undefined | null = null;
  /** Writes and removals run one after the other, in call order. */
  #queue: Promise<void> = Promise.resolve();

  constructor(setting: RuntimeDirSetting | false, name: string, log: Logger | undefined) {
    this.#setting = setting;
    this.#name = name;
    this.#log = log;
  }

  /** The pid file path, or undefined when orphan reaping is off (or no private directory was found). */
  get path(): string | undefined {
    if (this.#path === null) this.#path = this.#resolve();
    return this.#path;
  }

  /** Kills what an earlier, dead supervisor left running. Never throws (logs instead). */
  async reapStale(signal: NodeJS.Signals, timeoutMs: number): Promise<void> {
    const path = this.path;
    if (path === undefined || process.platform === 'win32') return;
    try {
      const outcome = await reapStale(path, defaultProcessTable(), signal, timeoutMs);
      if (outcome.action === 'reaped') this.#log?.warn({ stalePid: outcome.record.pid, escalated: outcome.escalated }, 'reaped a backend left running by an earlier supervisor');
      else if (outcome.action === 'owned-by-live-supervisor') this.#log?.warn({ otherSupervisorPid: outcome.record.supervisorPid }, 'another live supervisor owns this name; not reaping its backend');
      else if (outcome.action === 'instance-mismatch') this.#log?.warn({ stalePid: outcome.record.pid }, "the recorded process does not carry the recorded instance id in its environment; not killing it");
    } catch (error) {
      this.#log?.warn({ err: error }, 'could not check the pid file for a stale backend');
    }
  }

  /** Records a spawn synchronously (no await between the fork and the record). Never throws. */
  record(spawn: SpawnRecord): void {
    const path = this.path;
    if (path === undefined) return;
    try {
      const supervisorStartTime = readStat(process.pid)?.startTime;
      writePidFileSync(path, { ...spawn, supervisorPid: process.pid, supervisorStartTime, writtenAt: new Date().toISOString() });
    } catch (error) {
      this.#log?.warn({ err: error }, 'could not write the pid file');
    }
  }

  /** Forgets `pid` once its tree is gone. Never throws. */
  forget(pid: number): Promise<void> {
    const path = this.path;
    if (path === undefined) return this.#queue;
    this.#queue = this.#queue.then(() => removePidFile(path, pid)).catch((error: unknown) => this.#log?.warn({ err: error }, 'could not remove the pid file'));
    return this.#queue;
  }

  #resolve(): string | undefined {
    const setting = this.#setting;
    if (setting === false) return undefined;
    const why = ensurePrivateDir(setting.dir);
    if (why === undefined) return pidFilePath(setting.dir, this.#name);
    const fallback = setting.fallback;
    const fallbackWhy = fallback === undefined ? 'runtimeDir was given explicitly' : ensurePrivateDir(fallback);
    if (fallback !== undefined && fallbackWhy === undefined) {
      this.#warn(`runtime directory ${setting.dir} is not private (${why}); using ${fallback} for the pid file instead`);
      return pidFilePath(fallback, this.#name);
    }
    this.#warn(`runtime directory ${setting.dir} is not private (${why}) and no fallback is usable (${fallbackWhy}); orphan reaping is off`);
    return undefined;
  }

  /** A warning the user must see: through the logger, else as a process warning (printed by Node). */
  #warn(message: string): void {
    if (this.#log !== undefined) this.#log.warn(message);
    else process.emitWarning(`@sentinel/supervisor: ${message}`, { code: 'SENTINEL_SUPERVISOR_RUNTIME_DIR' });
  }
}
