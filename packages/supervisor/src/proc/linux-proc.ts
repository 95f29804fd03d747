import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { ProcessInfo, ProcessTable, ProcessUsage } from './types.js';

/** True on Linux (a /proc filesystem to read), checked once at load. */
export const hasProcFs = existsSync('/proc/self/stat');
/** /proc reports CPU time in USER_HZ ticks, 100 per second on every Linux architecture. */
const MS_PER_TICK = 10;

/** The fields after the command name of /proc/<pid>/stat (field N is at index N - 3), or undefined. */
function statFields(text: string): { pid: number; fields: string[] } | undefined {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open) return undefined;
  return { pid: Number(text.slice(0, open).trim()), fields: text.slice(close + 2).split(' ') };
}

/** Parses the text of /proc/<pid>/stat (the command name may contain spaces and parentheses). */
export function parseProcStat(text: string): ProcessInfo | undefined {
  const parsed = statFields(text);
  if (parsed === undefined) return undefined;
  const [state, ppid, pgid] = parsed.fields;
  const startTime = parsed.fields[19]; // field 22
  if (state === undefined || ppid === undefined || pgid === undefined || startTime === undefined) return undefined;
  return { pid: parsed.pid, ppid: Number(ppid), pgid: Number(pgid), state, startTime };
}

/** One process's /proc entry, read synchronously; undefined when it is gone or not Linux. */
export function readStat(pid: number): ProcessInfo | undefined {
  try {
    return parseProcStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return undefined;
  }
}

/** RSS (VmRSS of /proc/<pid>/status) and CPU (utime + stime of /proc/<pid>/stat), or undefined. */
export function readUsage(pid: number): ProcessUsage | undefined {
  try {
    const parsed = statFields(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    const rssKb = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    if (parsed === undefined) return undefined;
    const ticks = Number(parsed.fields[11]) + Number(parsed.fields[12]); // fields 14 and 15
    return { pid, rssBytes: Number(rssKb ?? 0) * 1024, cpuMs: Number.isFinite(ticks) ? ticks * MS_PER_TICK : 0 };
  } catch {
    return undefined;
  }
}

/**
 * The value of `name` in /proc/<pid>/environ: a string, undefined when the variable is absent, or
 * null when the environment cannot be read (gone, another user's, or not Linux).
 */
export function readEnvironVariable(pid: number, name: string): string | undefined | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/environ`, 'utf8');
  } catch {
    return null;
  }
  const prefix = `${name}=`;
  return text.split('\0').find((entry) => entry.startsWith(prefix))?.slice(prefix.length);
}

/** The Linux process table, read from /proc (synchronous reads: a few hundred small files). */
export const procTable: ProcessTable = {
  async list() {
    const rows: ProcessInfo[] = [];
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const info = readStat(Number(entry));
      if (info !== undefined) rows.push(info);
    }
    return rows;
  },
  async get(pid) {
    return readStat(pid);
  },
  async usage(pids) {
    return pids.flatMap((pid) => readUsage(pid) ?? []);
  },
};

/**
 * The descendants of `pid` (itself included) through /proc/<pid>/task/<tid>/children (a few small
 * reads, instead of the whole table), or undefined when the kernel does not offer those files.
 */
export function descendantsFromChildrenFiles(pid: number): ProcessInfo[] | undefined {
  if (!existsSync(`/proc/${pid}/task/${pid}/children`)) return undefined;
  const found: ProcessInfo[] = [];
  const queue = [pid];
  const seen = new Set<number>();
  while (queue.length > 0) {
    const next = queue.shift() as number;
    if (seen.has(next)) continue;
    seen.add(next);
    for (const child of childrenOf(next)) queue.push(child);
    const info = readStat(next);
    if (info !== undefined) found.push(info);
  }
  return found;
}

function childrenOf(pid: number): number[] {
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  const children: number[] = [];
  for (const tid of tasks) {
    try {
      for (const child of readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').split(' ')) if (child.trim() !== '') children.push(Number(child));
    } catch {
      // the task ended meanwhile
    }
  }
  return children;
}
