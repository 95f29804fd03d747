import type { ProcessTable } from '../proc/index.js';
import { sendSignal, sendWithContinue } from './signal.js';
import { findMembers, type Member, type TreeLeader, type TreeScan } from './tree-members.js';

/** After SIGKILL, how long to wait for the kernel before reporting survivors (a process in D state). */
export const KILL_WAIT_MS = 5_000;
const FIRST_POLL_MS = 1;
const MAX_POLL_MS = 25;

export interface KillTreeOptions {
  readonly leader: TreeLeader;
  readonly signal: NodeJS.Signals;
  readonly timeoutMs: number;
  readonly table: ProcessTable;
  /** Members seen earlier (for example grandchildren that left the group), also stopped. */
  readonly known?: ReadonlyMap<number, Member>;
  /** More pids that belong to the tree whatever their parents (a cgroup's members). */
  readonly extraPids?: () => readonly number[];
  /** Signals the leader itself (a custom spawn's `kill`); default process.kill(pid). */
  readonly signalLeader?: (signal: NodeJS.Signals) => void;
  readonly onEscalate?: (survivors: readonly number[]) => void;
}

export interface KillTreeResult {
  /** True when SIGKILL was needed. */
  readonly escalated: boolean;
  /** Pids still alive after SIGKILL and KILL_WAIT_MS (normally empty). */
  readonly survivors: readonly number[];
}

/**
 * POSIX: sends the signal (+ SIGCONT) to the leader's process group and to every descendant,
 * SIGKILL after timeoutMs, and resolves when the process table shows every member gone
 * (a zombie counts as gone).
 */
export async function killTreePosix(options: KillTreeOptions): Promise<KillTreeResult> {
  const { leader, table } = options;
  const signalled = new Map<number, Member>();
  let current: NodeJS.Signals = options.signal;
  /** Signals the group once per signal, and each member once per signal (a second SIGTERM can mean "hurry"). */
  const deliver = ({ members, groupTrusted }: TreeScan, everyone: boolean): void => {
    if (everyone && groupTrusted) sendGroup(leader.pid, current);
    for (const member of members.values()) {
      if (everyone || !signalled.has(member.pid)) signalMember(member.pid, current, options);
      signalled.set(member.pid, member);
    }
  };
  const scanNow = (known: ReadonlyMap<number, Member>): Promise<TreeScan> => findMembers(table, leader, known, options.extraPids?.() ?? []);
  const started = Date.now();
  let scan = await scanNow(options.known ?? new Map());
  deliver(scan, true);
  let pollMs = FIRST_POLL_MS;
  while (scan.members.size > 0) {
    await delay(pollMs);
    pollMs = Math.min(MAX_POLL_MS, pollMs * 1.5);
    scan = await scanNow(signalled);
    const elapsed = Date.now() - started;
    if (current !== 'SIGKILL' && elapsed >= options.timeoutMs && scan.members.size > 0) {
      current = 'SIGKILL';
      options.onEscalate?.([...scan.members.keys()]);
      deliver(scan, true);
    } else if (scan.members.size > 0) {
      deliver(scan, false);
    }
    if (current === 'SIGKILL' && elapsed >= options.timeoutMs + KILL_WAIT_MS) break;
  }
  return { escalated: current === 'SIGKILL', survivors: [...scan.members.keys()] };
}

function signalMember(pid: number, signal: NodeJS.Signals, options: KillTreeOptions): void {
  if (pid !== options.leader.pid || options.signalLeader === undefined) return sendWithContinue(pid, signal);
  options.signalLeader(signal);
  if (signal !== 'SIGKILL') options.signalLeader('SIGCONT');
}

function sendGroup(pgid: number, signal: NodeJS.Signals): void {
  sendSignal(-pgid, signal);
  if (signal !== 'SIGKILL') sendSignal(-pgid, 'SIGCONT');
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
