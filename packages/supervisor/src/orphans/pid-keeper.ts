import type { Logger } from 'pino';
import { defaultProcessTable, type ProcessTable } from '../proc/index.js';
import { readStat } from '../proc/linux-proc.js';
import { pidFilePath, removePidFile, writePidFile, writePidFileSync } from './pid-file.js';
import { reapStale } from './reap-stale.js';

/** The pid file of one supervisor name: reap a stale tree before the first spawn, record each spawn. */
export class PidKeeper {
  readonly #dir: string | false;
  readonly #path: string | undefined;
  readonly #log: Logger | undefined;
  readonly #table: ProcessTable = defaultProcessTable();
  #ownStartTime: Promise<string | undefined> | undefined;
  /** Writes and removals run one after the other, in call order. */
  #queue: Promise<void> = Promise.resolve();

  constructor(runtimeDir: string | false, name: string, log: Logger | undefined) {
    this.#dir = runtimeDir;
    this.#path = runtimeDir === false ? undefined : pidFilePath(runtimeDir, name);
    this.#log = log;
  }

  get path(): string | undefined {
    return this.#path;
  }

  /** Kills what an earlier, dead supervisor left running. Never throws (logs instead). */
  async reapStale(signal: NodeJS.Signals, timeoutMs: number): Promise<void> {
    if (this.#path === undefined || process.platform === 'win32') return;
    try {
      const outcome = await reapStale(this.#path, this.#table, signal, timeoutMs);
      if (outcome.action === 'reaped') this.#log?.warn({ stalePid: outcome.record.pid, escalated: outcome.escalated }, 'reaped a backend left running by an earlier supervisor');
      else if (outcome.action === 'owned-by-live-supervisor') this.#log?.warn({ otherSupervisorPid: outcome.record.supervisorPid }, 'another live supervisor owns this name; not reaping its backend');
    } catch (error) {
      this.#log?.warn({ err: error }, 'could not check the pid file for a stale backend');
    }
  }

  /**
   * Records a backend the moment it was forked, synchronously (Linux: start times from /proc), so no
   * await separates the fork from the record. Returns false where that cannot be done (no /proc, no
   * runtime directory, or the write failed): then call record() once the start time is known.
   */
  recordNow(pid: number, instanceId: string, command: string): boolean {
    const path = this.#path;
    const dir = this.#dir;
    const startTime = readStat(pid)?.startTime;
    if (path === undefined || dir === false || startTime === undefined) return false;
    try {
      const supervisorStartTime = readStat(process.pid)?.startTime;
      writePidFileSync(path, dir, { pid, startTime, instanceId, supervisorPid: process.pid, supervisorStartTime, command, writtenAt: new Date().toISOString() });
      return true;
    } catch (error) {
      this.#log?.warn({ err: error }, 'could not write the pid file');
      return false;
    }
  }

  /** Records a freshly spawned backend. Never throws (logs instead). */
  record(pid: number, startTime: string | undefined, instanceId: string, command: string): Promise<void> {
    const path = this.#path;
    const dir = this.#dir;
    if (path === undefined || dir === false || startTime === undefined) return this.#queue;
    this.#ownStartTime ??= this.#table.get(process.pid).then((row) => row?.startTime);
    return this.#enqueue(async () => {
      const supervisorStartTime = await this.#ownStartTime;
      await writePidFile(path, dir, { pid, startTime, instanceId, supervisorPid: process.pid, supervisorStartTime, command, writtenAt: new Date().toISOString() });
    }, 'could not write the pid file');
  }

  /** Forgets `pid` once its tree is gone. Never throws. */
  forget(pid: number): Promise<void> {
    const path = this.#path;
    if (path === undefined) return this.#queue;
    return this.#enqueue(() => removePidFile(path, pid), 'could not remove the pid file');
  }

  #enqueue(task: () => Promise<void>, failure: string): Promise<void> {
    this.#queue = this.#queue.then(task).catch((error: unknown) => this.#log?.warn({ err: error }, failure));
    return this.#queue;
  }
}
