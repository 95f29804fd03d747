import { hasProcFs, readStat } from './linux-proc.js';
import { isGone } from './types.js';

/**
 * True when process `pid` is gone for good: no such process, or a zombie waiting to be reaped (an
 * init that reaps late leaves killed grandchildren as zombies, and `kill(pid, 0)` still succeeds on
 * them). Reads /proc on Linux; elsewhere falls back to `kill(pid, 0)`, which sees zombies as alive.
 */
export function isProcessGone(pid: number): boolean {
  if (hasProcFs) return isGone(readStat(pid));
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
