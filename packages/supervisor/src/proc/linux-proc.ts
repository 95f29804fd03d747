import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { ProcessInfo, ProcessTable } from './types.js';

/** True on Linux (a /proc filesystem to read), checked once at load. */
export const hasProcFs = existsSync('/proc/self/stat');

/** Parses the text of /proc/<pid>/stat (the command name may contain spaces and parentheses). */
export function parseProcStat(text: string): ProcessInfo | undefined {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open) return undefined;
  const pid = Number(text.slice(0, open).trim());
  const fields = text.slice(close + 2).split(' ');
  // fields[0] is stat field 3 (state); field N is fields[N - 3]; starttime is field 22.
  const [state, ppid, pgid, startTime] = [fields[0], fields[1], fields[2], fields[19]];
  if (state === undefined || ppid === undefined || pgid === undefined || startTime === undefined) return undefined;
  return { pid, ppid: Number(ppid), pgid: Number(pgid), state, startTime };
}

/** One process's /proc entry, read synchronously; undefined when it is gone or not Linux. */
export function readStat(pid: number): ProcessInfo | undefined {
  try {
    return parseProcStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return undefined;
  }
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
};

/**
 * The descendants of `pid` through /proc/<pid>/task/<tid>/children (a few small reads, instead of
 * the whole table), or undefined when the kernel does not offer those files.
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
    let tasks: string[];
    try {
      tasks = readdirSync(`/proc/${next}/task`);
    } catch {
      continue;
    }
    for (const tid of tasks) {
      let text: string;
      try {
        text = readFileSync(`/proc/${next}/task/${tid}/children`, 'utf8');
      } catch {
        continue; // the task ended meanwhile
      }
      for (const child of text.split(' ')) if (child.trim() !== '') queue.push(Number(child));
    }
    const info = readStat(next);
    if (info !== undefined) found.push(info);
  }
  return found;
}
