import { readFileSync } from 'node:fs';

/** Whether a pid is gone: no /proc entry, or a zombie (PID 1 here may reap late). */
export function isProcessGone(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state === 'Z' || state === 'X';
  } catch {
    return true;
  }
}
