import type { ChildProcess } from 'node:child_process';
import type { Logger } from 'pino';
import type { ExitReason, LogLine } from '../events.js';
import { pumpOutput } from '../logs/output-pump.js';
import { Ring } from '../logs/ring.js';
import { collectTree, defaultProcessTable, isGone } from '../proc/index.js';
import { descendantsFromChildrenFiles } from '../proc/linux-proc.js';
import { spawnChild, type SpawnRequest } from '../spawn/spawn-child.js';
import { stopTree, type KillTreeResult, type Member, type TreeLeader } from '../stop/index.js';

/**
 * After the child exits, its output is already in the pipes (a process writes, then closes its
 * descriptors, then the parent is signalled), so one loop turn reads it: the exit is reported when
 * both pipes ended or after one setImmediate, whichever is first (grandchildren may hold the pipes
 * open for ever).
 */
const nextLoopTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export interface RawExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly time: number;
}

export interface LaunchParams extends SpawnRequest {
  readonly attempt: number;
  readonly maxLineBytes: number;
  readonly lastLines: number;
  readonly logger: Logger | undefined;
  readonly onLine: (entry: LogLine) => void;
}

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
  readySince: number | undefined;
  /** Set when the supervisor kills it, to tell the exit's reason. */
  killReason: ExitReason | undefined;
  hasExited = false;
  readonly #known = new Map<number, Member>();
  #termination: Promise<KillTreeResult> | undefined;

  private constructor(child: ChildProcess & { pid: number }, params: LaunchParams, lastLines: Ring<string>, closed: Promise<void>, startTime: string | undefined) {
    this.pid = child.pid;
    this.port = params.port;
    this.instanceId = params.instanceId;
    this.attempt = params.attempt;
    this.lastLines = lastLines;
    this.leader = { pid: child.pid, startTime };
    this.exited = exitedPromise(child, closed, () => (this.hasExited = true));
  }

  /** Spawns the child and starts draining its output at once. */
  static async launch(params: LaunchParams): Promise<BackendRun> {
    const child = await spawnChild(params);
    const lastLines = new Ring<string>(params.lastLines);
    const pump = pumpOutput({ pid: child.pid, stdout: child.stdout, stderr: child.stderr, maxLineBytes: params.maxLineBytes, lastLines, logger: params.logger, onLine: params.onLine });
    const exitSeen = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const startTime = process.platform === 'win32' ? undefined : (await defaultProcessTable().get(child.pid))?.startTime;
    const run = new BackendRun(child, params, lastLines, pump.closed, startTime);
    void exitSeen.then(() => (run.hasExited = true));
    return run;
  }

  /** Remembers the current descendants, so that those that leave the group are still stopped later. */
  async rememberTree(): Promise<void> {
    if (process.platform === 'win32' || this.hasExited) return;
    // Cheap on Linux (children files: no whole-table scan that would block the loop for ms).
    const rows = descendantsFromChildrenFiles(this.pid) ?? collectTree(await defaultProcessTable().list(), this.pid, this.pid);
    const table = defaultProcessTable();
    for (const member of [...this.#known.values()]) {
      if (isGone(await table.get(member.pid), member.startTime)) this.#known.delete(member.pid);
    }
    for (const row of rows) {
      if (!isGone(row)) this.#known.set(row.pid, { pid: row.pid, startTime: row.startTime });
    }
  }

  /** Stops the whole tree (once; later calls share the promise). */
  terminate(signal: NodeJS.Signals, timeoutMs: number, onEscalate?: (survivors: readonly number[]) => void): Promise<KillTreeResult> {
    this.#termination ??= stopTree({ leader: this.leader, signal, timeoutMs, known: this.#known, onEscalate });
    return this.#termination;
  }
}

function exitedPromise(child: ChildProcess, closed: Promise<void>, onExit: () => void): Promise<RawExit> {
  const fromExit = (code: number | null, signal: NodeJS.Signals | null): Promise<RawExit> => {
    onExit();
    const raw: RawExit = { code, signal, time: Date.now() };
    return Promise.race([closed, nextLoopTurn()]).then(() => raw);
  };
  if (child.exitCode !== null || child.signalCode !== null) return fromExit(child.exitCode, child.signalCode);
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve(fromExit(code, signal))));
}
