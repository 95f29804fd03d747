import { dirname } from 'node:path';
import { ENV_INSTANCE_ID } from '../child/launch-context.js';
import { CGROUP_PREFIX } from '../containment/cgroup.js';
import { hasProcFs, readEnvironVariable } from '../proc/linux-proc.js';
import { isGone, type ProcessInfo, type ProcessTable } from '../proc/types.js';
import { stopTree } from '../stop/index.js';
import { readFileSync, rmdirSync } from 'node:fs';
import { isPrivateDir, readPidFile, removePidFile, type PidRecord } from './pid-file.js';

export type ReapOutcome =
  | { readonly action: 'none' }
  | { readonly action: 'owned-by-live-supervisor'; readonly record: PidRecord }
  | { readonly action: 'pid-reused'; readonly record: PidRecord }
  | { readonly action: 'instance-mismatch'; readonly record: PidRecord }
  | { readonly action: 'reaped'; readonly record: PidRecord; readonly escalated: boolean };

/**
 * Reaps the backend tree a dead supervisor left behind. Only kills when the recorded pid is alive
 * with the recorded start time, or when the leader is gone but its process group still has members
 * (POSIX never reuses a live group's id); and, on Linux, only when that process (or a group member)
 * carries the recorded SUPERVISOR_INSTANCE_ID in /proc/<pid>/environ. A record whose supervisor is
 * still alive is not stale and is left alone.
 */
export async function reapStale(path: string, table: ProcessTable, signal: NodeJS.Signals, timeoutMs: number): Promise<ReapOutcome> {
  if (!(await isPrivateDir(dirname(path)))) return { action: 'none' }; // never act on a file others could have planted
  const record = await readPidFile(path);
  if (record === undefined) return { action: 'none' };
  if (record.supervisorPid !== process.pid && (await supervisorAlive(table, record))) return { action: 'owned-by-live-supervisor', record };
  const leader = await table.get(record.pid);
  const leaderMatches = !isGone(leader, record.startTime);
  const groupMembers = process.platform === 'win32' ? [] : (await table.list()).filter((row) => row.pgid === record.pid && !isGone(row));
  const strangerLeads = leader !== undefined && !leaderMatches && leader.pgid === record.pid;
  if (!leaderMatches && (groupMembers.length === 0 || strangerLeads)) {
    await removePidFile(path, record.pid);
    return { action: leader === undefined || isGone(leader) ? 'none' : 'pid-reused', record };
  }
  if (!carriesInstanceId(leaderMatches ? [record.pid] : groupMembers, record.instanceId)) {
    await removePidFile(path, record.pid);
    return { action: 'instance-mismatch', record };
  }
  const cgroupPids = (): number[] => cgroupMembers(record.cgroup);
  const result = await stopTree({ leader: { pid: record.pid, startTime: record.startTime }, signal, timeoutMs, table, extraPids: cgroupPids });
  if (cgroupPids().length === 0 && record.cgroup !== undefined) removeEmptyCgroup(record.cgroup);
  await removePidFile(path, record.pid);
  return { action: 'reaped', record, escalated: result.escalated };
}

/** Linux: some of `processes` has SUPERVISOR_INSTANCE_ID=instanceId in its environment. Elsewhere: true. */
function carriesInstanceId(processes: ReadonlyArray<number | ProcessInfo>, instanceId: string): boolean {
  if (!hasProcFs) return true;
  return processes.some((p) => readEnvironVariable(typeof p === 'number' ? p : p.pid, ENV_INSTANCE_ID) === instanceId);
}

/** The members of a recorded cgroup, if it is one of ours (by name). */
function cgroupMembers(path: string | undefined): number[] {
  if (path === undefined || !path.split('/').at(-1)?.startsWith(CGROUP_PREFIX)) return [];
  try {
    return readFileSync(`${path}/cgroup.procs`, 'utf8').split('\n').filter((l) => l !== '').map(Number);
  } catch {
    return [];
  }
}

function removeEmptyCgroup(path: string): void {
  try {
    rmdirSync(path);
  } catch {
    // already gone, or not ours to remove
  }
}

async function supervisorAlive(table: ProcessTable, record: PidRecord): Promise<boolean> {
  const row = await table.get(record.supervisorPid);
  return !isGone(row, record.supervisorStartTime);
}
