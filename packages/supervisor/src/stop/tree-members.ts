import { collectTree, isGone, type ProcessInfo, type ProcessTable } from '../proc/index.js';

/** A process of the tree, identified by pid and start time (never a later process on the same pid). */
export interface Member {
  readonly pid: number;
  readonly startTime: string;
}

/** The identity of the process that leads the tree (and its process group on POSIX). */
export interface TreeLeader {
  readonly pid: number;
  /** Start time read at spawn; undefined when it could not be read. */
  readonly startTime: string | undefined;
}

/** The live members of a tree, and whether its process group may be signalled as a whole. */
export interface TreeScan {
  readonly members: Map<number, Member>;
  /** True when signalling the process group id is safe: it has live members and no stranger leads it. */
  readonly groupTrusted: boolean;
}

/**
 * Finds the live members of the tree: the leader's descendants, its process group, the known members
 * (and their descendants) and `extraPids`. If the group id was reused by a stranger (the leader is
 * gone and another process leads a group with that id), group membership is not trusted.
 */
export async function findMembers(table: ProcessTable, leader: TreeLeader, known: ReadonlyMap<number, Member>, extraPids: readonly number[] = []): Promise<TreeScan> {
  const rows = await table.list();
  const leaderRow = rows.find((r) => r.pid === leader.pid);
  const leaderIsOurs = leaderRow !== undefined && (leader.startTime === undefined || leaderRow.startTime === leader.startTime);
  const strangerLeads = leaderRow !== undefined && !leaderIsOurs && leaderRow.pgid === leader.pid;
  const roots: ProcessInfo[] = collectTree(rows, leaderIsOurs ? leader.pid : -1, strangerLeads ? undefined : leader.pid);
  const found = new Map<number, Member>();
  for (const row of roots) {
    if (!isGone(row)) found.set(row.pid, { pid: row.pid, startTime: row.startTime });
  }
  for (const member of known.values()) {
    const row = rows.find((r) => r.pid === member.pid);
    if (!isGone(row, member.startTime)) {
      found.set(member.pid, member);
      for (const child of collectTree(rows, member.pid, undefined)) {
        if (!isGone(child)) found.set(child.pid, { pid: child.pid, startTime: child.startTime });
      }
    }
  }
  for (const pid of extraPids) {
    const row = rows.find((r) => r.pid === pid);
    if (row !== undefined && !isGone(row)) found.set(pid, { pid, startTime: row.startTime });
  }
  const groupTrusted = !strangerLeads && rows.some((r) => r.pgid === leader.pid && !isGone(r));
  return { members: found, groupTrusted };
}
