import type { Logger } from 'pino';
import { CgroupJail } from '../containment/cgroup.js';
import type { SupervisorError } from '../errors.js';
import type { ExitReason, LogLine } from '../events.js';
import type { LogConfig } from '../logs/options.js';
import { pumpOutput } from '../logs/output-pump.js';
import { Ring } from '../logs/ring.js';
import { defaultProcessTable } from '../proc/index.js';
import { readStat } from '../proc/linux-proc.js';
import type { SpawnFunction, SpawnRequest } from '../spawn/types.js';
import { stopTree, type KillTreeResult, type TreeLeader } from '../stop/index.js';
import type { StopConfig } from '../stop/options.js';
import { startChild } from './start-child.js';
import { TreeMemory } from './tree-memory.js';

/** The child's exit as Node (or the custom spawn) reported it. */
export interface RawExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly time: number;
}

export interface LaunchParams {
  readonly name: string;
  readonly spawn: SpawnFunction;
  readonly request: SpawnRequest;
  readonly port: number | undefined;
  readonly instanceId: string;
  readonly attempt: number;
  readonly logs: LogConfig;
  readonly logger: Logger | undefined;
  /** Put the tree in its own cgroup (Linux cgroup v2, where the system allows it). */
  readonly cgroup: boolean;
  /** Called as soon as pid and start time are known (Linux: in the turn of the fork): write the pid file. */
  readonly onRecorded: (pid: number, startTime: string, cgroup: string | undefined) => void;
  readonly onLine: (entry: LogLine) => void;
  readonly onWarning: (message: string, error: unknown) => void;
}

/**
 * After the child exits, its output is already in the pipes (a process writes, then closes its
 * descriptors, then the parent is signalled), so one poll of the loop reads it to the end: the exit
 * is reported when both pipes ended or once the loop has polled again, whichever is first
 * (grandchildren may hold the pipes open for ever). The exit is seen in a poll phase whose check
 * phase comes next, so a single setImmediate would resolve before any further read: the last line,
 * flushed only at end-of-file, was missing from `lastLines` on a loaded machine. The second
 * setImmediate runs after the next poll phase.
 */
const afterNextPoll = (): Promise<void> => new Promise((resolve) => setImmediate(() => setImmediate(resolve)));

/** One spawned backend process and everything known about it, from spawn to a gone tree. */
export class BackendRun {
  readonly pid: number;
  readonly port: number | undefined;
  readonly instanceId: string;
  readonly attempt: number;
  readonly spawnedAt = Date.now();
  readonly leader: TreeLeader;
  readonly lastLines: Ring<string>;
  /** Resolves when the child exited and its output was read (bounded by one loop turn). */
  readonly exited: Promise<RawExit>;
  readonly tree: TreeMemory;
  readySince: number | undefined;
  /** Set when the supervisor kills it, to tell the exit's reason and the error it stands for. */
  kill: { readonly reason: ExitReason; readonly error: SupervisorError | undefined } | undefined;
  hasExited = false;
  readonly #signalRoot: (signal: NodeJS.Signals) => void;
  #termination: Promise<KillTreeResult> | undefined;

  private constructor(params: LaunchParams, pid: number, startTime: string | undefined, signalRoot: (signal: NodeJS.Signals) => void, exits: { seen: Promise<unknown>; read: Promise<RawExit> }, lastLines: Ring<string>, jail: CgroupJail | undefined) {
    this.pid = pid;
    this.port = params.port;
    this.instanceId = params.instanceId;
    this.attempt = params.attempt;
    this.lastLines = lastLines;
    this.leader = { pid, startTime };
    this.#signalRoot = signalRoot;
    this.tree = new TreeMemory(this.leader, signalRoot, jail);
    void exits.seen.then(() => (this.hasExited = true));
    this.exited = exits.read;
  }

  /** Spawns the child and starts draining its output at once; rejects with SUP_ERR_SPAWN. */
  static async launch(params: LaunchParams): Promise<BackendRun> {
    let jail: CgroupJail | undefined;
    let startTime: string | undefined;
    const onPid = (pid: number): void => {
      if (params.cgroup) jail = containIn(params, pid);
      startTime = readStat(pid)?.startTime;
      if (startTime !== undefined) params.onRecorded(pid, startTime, jail?.path);
    };
    const started = await startChild(params.name, params.spawn, params.request, onPid, (error) => params.onWarning('the backend process reported an error', error));
    const lastLines = new Ring<string>(params.logs.lastLines);
    const pump = pumpOutput({ pid: started.pid, stdout: started.child.stdout, stderr: started.child.stderr, config: params.logs, lastLines, logger: params.logger, onLine: params.onLine });
    const exited = started.exit.then(async (raw) => {
      await Promise.race([pump.closed, afterNextPoll()]);
      return raw;
    });
    if (startTime === undefined && process.platform !== 'win32') {
      startTime = (await defaultProcessTable().get(started.pid))?.startTime; // ps: not synchronous
      if (startTime !== undefined) params.onRecorded(started.pid, startTime, jail?.path);
    }
    const signalRoot = (signal: NodeJS.Signals): void => void started.child.kill(signal);
    return new BackendRun(params, started.pid, startTime, signalRoot, { seen: started.exit, read: exited }, lastLines, jail);
  }

  /** Sends a signal to the backend process only (not its tree); false when it is gone. */
  signal(signal: NodeJS.Signals): boolean {
    if (this.hasExited) return false;
    this.#signalRoot(signal);
    return true;
  }

  /** Stops the whole tree (once; later calls share the promise), then removes its cgroup. */
  terminate(stop: StopConfig, onEscalate?: (survivors: readonly number[]) => void): Promise<KillTreeResult> {
    this.#termination ??= stopTree({ leader: this.leader, signal: stop.signal, timeoutMs: stop.timeoutMs, known: this.tree.known, extraPids: () => this.tree.cgroupPids(), signalLeader: this.#signalRoot, onEscalate }).then(async (result) => {
      if (result.survivors.length === 0) await this.tree.release();
      return result;
    });
    return this.#termination;
  }
}

function containIn(params: LaunchParams, pid: number): CgroupJail | undefined {
  try {
    return CgroupJail.contain(`${params.name}-${process.pid}-${pid}`, pid);
  } catch (error) {
    params.onWarning('cgroup: true, but this system does not let the supervisor create a cgroup; the tree is not contained', error);
    return undefined;
  }
}
