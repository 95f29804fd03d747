import { readdirSync, readFileSync } from 'node:fs';

// This reader is the chaos runner's own on purpose, although @sentinel/supervisor exports its process
// table as `@sentinel/supervisor/proc`: the invariants check what the supervisor did, so they must not
// see the system through the supervisor's code (a bug there would hide itself). Keep it independent.

/** One process as /proc/<pid>/stat describes it. */
export interface ProcEntry {
  readonly pid: number;
  readonly ppid: number;
  /** Single-letter state; 'Z' (zombie) and 'X' (dead) count as gone. */
  readonly state: string;
  /** Start time in clock ticks since boot: tells a process from a later one that reused its pid. */
  readonly startTime: number;
}

/** Parses /proc/<pid>/stat content; the command name may contain spaces and parentheses. */
export function parseStat(pid: number, content: string): ProcEntry | undefined {
  const close = content.lastIndexOf(')');
  if (close < 0) return undefined;
  const fields = content.slice(close + 2).split(' ');
  const state = fields[0];
  const ppid = Number(fields[1]);
  const startTime = Number(fields[19]);
  if (state === undefined || !Number.isFinite(ppid)) return undefined;
  return { pid, ppid, state, startTime };
}

/** Reads one process, or undefined when it is gone. */
export function readProc(pid: number): ProcEntry | undefined {
  try {
    return parseStat(pid, readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return undefined;
  }
}

/** True when the process exists and is not a zombie (PID 1 here may reap late or never). */
export function isAlive(pid: number, startTime?: number): boolean {
  const entry = readProc(pid);
  if (entry === undefined || entry.state === 'Z' || entry.state === 'X') return false;
  return startTime === undefined || entry.startTime === startTime;
}

/** Every live (non-zombie) process on the machine. */
export function readProcTable(): Map<number, ProcEntry> {
  const table = new Map<number, ProcEntry>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const entry = readProc(Number(name));
    if (entry !== undefined && entry.state !== 'Z' && entry.state !== 'X') table.set(entry.pid, entry);
  }
  return table;
}

/** Parent pid -> child pids of `table`; build it once per table to walk several trees. */
export function childrenIndex(table: ReadonlyMap<number, ProcEntry>): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const entry of table.values()) {
    const list = children.get(entry.ppid) ?? [];
    list.push(entry.pid);
    children.set(entry.ppid, list);
  }
  return children;
}

/** Live descendants of `root` in `table` (children, grandchildren, ...), or in its prebuilt `childrenIndex`. */
export function descendantsOf(root: number, table: ReadonlyMap<number, ProcEntry>, children = childrenIndex(table)): number[] {
  const out: number[] = [];
  const queue = [...(children.get(root) ?? [])];
  while (queue.length > 0) {
    const pid = queue.shift() as number;
    out.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return out;
}
