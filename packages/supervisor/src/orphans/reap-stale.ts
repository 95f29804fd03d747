import type { ProcessTable } from '../proc/index.js';
import { isGone } from '../proc/index.js';
import { stopTree } from '../stop/index.js';
import { dirname } from 'node:path';
import { isPrivateDir, readPidFile, removePidFile, type PidRecord } from './pid-file.js';

export type ReapOutcome =
  | { readonly action: 'none' }
  | { readonly action: 'owned-by-live-supervisor'; readonly record: PidRecord }
  | { readonly action: 'pid-reused'; readonly record: PidRecord }
  | { readonly action: 'reaped'; readonly record: PidRecord; readonly escalated: boolean };

/**
 * Reaps the backend tree a dead supervisor left behind. Only kills when the recorded pid is alive
 * with the recorded start time (a process that merely reused the pid is left alone), or when the
 * leader is gone but its process group still has members (POSIX never reuses a live group's id).
 * A record whose supervisor is still alive is not stale and is left alone.
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
  const result = await stopTree({ leader: { pid: record.pid, startTime: record.startTime }, signal, timeoutMs, table });
  await removePidFile(path, record.pid);
  return { action: 'reaped', record, escalated: result.escalated };
}

async function supervisorAlive(table: ProcessTable, record: PidRecord): Promise<boolean> {
  const row = await table.get(record.supervisorPid);
  return !isGone(row, record.supervisorStartTime);
}
