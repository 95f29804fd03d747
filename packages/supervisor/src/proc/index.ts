/**
 * `@sentinel/supervisor/proc`: the process table the supervisor reads (/proc on Linux, `ps`
 * elsewhere on POSIX), for other packages' tools and tests.
 */
import { hasProcFs, procTable } from './linux-proc.js';
import { psTable } from './ps-table.js';
import type { ProcessInfo, ProcessTable } from './types.js';

export { isGone } from './types.js';
export type { ProcessInfo, ProcessTable, ProcessUsage } from './types.js';
export { descendantsFromChildrenFiles, hasProcFs, parseProcStat, procTable, readEnvironVariable, readStat, readUsage } from './linux-proc.js';
export { parsePsOutput, parsePsTime, parsePsUsage, psTable } from './ps-table.js';
export { isProcessGone } from './process-gone.js';

/** The best process table for this platform: /proc on Linux, ps elsewhere on POSIX. */
export function defaultProcessTable(): ProcessTable {
  return hasProcFs ? procTable : psTable;
}

/** The descendants of `rootPid` (by parent links) plus every member of process group `pgid`. */
export function collectTree(rows: readonly ProcessInfo[], rootPid: number, pgid: number | undefined): ProcessInfo[] {
  const byParent = new Map<number, ProcessInfo[]>();
  for (const row of rows) {
    const siblings = byParent.get(row.ppid) ?? [];
    siblings.push(row);
    byParent.set(row.ppid, siblings);
  }
  const found = new Map<number, ProcessInfo>();
  const queue = rows.filter((r) => r.pid === rootPid || (pgid !== undefined && r.pgid === pgid));
  while (queue.length > 0) {
    const next = queue.shift() as ProcessInfo;
    if (found.has(next.pid)) continue;
    found.set(next.pid, next);
    queue.push(...(byParent.get(next.pid) ?? []));
  }
  return [...found.values()];
}
