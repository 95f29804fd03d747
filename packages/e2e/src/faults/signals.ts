import { descendantsOf, readProcTable } from '../proc/proc-table.js';

/** Sends a signal; false when the process is already gone. Faults send theirs through FaultContext.signal (recorded). */
export function sendSignal(pid: number, sig: NodeJS.Signals): boolean {
  try {
    process.kill(pid, sig);
    return true;
  } catch {
    return false;
  }
}

/** The live descendants of `pid`, read from /proc. */
export function descendants(pid: number): number[] {
  return descendantsOf(pid, readProcTable());
}

/** Sends a signal to `pid` and every live descendant (SIGSTOP/SIGCONT must reach the whole tree); returns the pids reached. */
export function sendSignalToTree(pid: number, sig: NodeJS.Signals): number[] {
  const hit: number[] = [];
  const children = descendants(pid);
  if (sendSignal(pid, sig)) hit.push(pid);
  for (const child of children) if (sendSignal(child, sig)) hit.push(child);
  return hit;
}

/** Polls /proc every 5 ms until `pid` has a descendant (a launcher started its program); false if it died first or after `timeoutMs`. */
export async function waitForDescendant(pid: number, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (descendants(pid).length > 0) return true;
    try {
      process.kill(pid, 0);
    } catch {
      return false;
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return false;
}
