import type { LiveTree } from '../history/types.js';
import { childrenIndex, descendantsOf, readProc, readProcTable, type ProcEntry } from './proc-table.js';

interface Member {
  readonly root: number;
  readonly host: number;
  readonly startTime: number;
}

/**
 * Follows every backend tree reported by a 'spawn' event: the root and every descendant ever seen
 * under it, remembered by pid and start time so an orphan reparented to PID 1 still counts for its tree.
 */
export class TreeTracker {
  readonly #members = new Map<number, Member>();
  readonly #roots = new Map<number, number>();

  /** Starts following a backend root process reported by host `host`. */
  addRoot(pid: number, host: number): void {
    const entry = readProc(pid);
    this.#roots.set(pid, host);
    this.#members.set(pid, { root: pid, host, startTime: entry?.startTime ?? -1 });
  }

  /** Every pid ever seen in a tree (for the final leftover check). */
  allPids(): Array<{ pid: number; startTime: number }> {
    return [...this.#members].map(([pid, m]) => ({ pid, startTime: m.startTime }));
  }

  /** Scans /proc once; returns the live trees (a tree is live while any member is alive). */
  sample(): LiveTree[] {
    const table = readProcTable();
    this.#adoptDescendants(table);
    const trees = new Map<number, { host: number; pids: number[] }>();
    for (const [pid, member] of this.#members) {
      const entry = table.get(pid);
      if (entry === undefined) continue;
      if (member.startTime !== -1 && entry.startTime !== member.startTime) continue;
      const tree = trees.get(member.root) ?? { host: member.host, pids: [] };
      tree.pids.push(pid);
      trees.set(member.root, tree);
    }
    return [...trees].map(([root, { host, pids }]) => ({ root, host, pids: pids.sort((a, b) => a - b) }));
  }

  #adoptDescendants(table: ReadonlyMap<number, ProcEntry>): void {
    const children = childrenIndex(table);
    for (const [pid, member] of [...this.#members]) {
      const entry = table.get(pid);
      if (entry === undefined || (member.startTime !== -1 && entry.startTime !== member.startTime)) continue;
      for (const child of descendantsOf(pid, table, children)) {
        if (this.#members.has(child)) continue;
        const childEntry = table.get(child);
        this.#members.set(child, { root: member.root, host: member.host, startTime: childEntry?.startTime ?? -1 });
      }
    }
  }
}
