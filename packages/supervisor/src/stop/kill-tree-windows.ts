import treeKill from 'tree-kill';
import type { KillTreeResult } from './kill-tree.js';

const POLL_MS = 25;

/**
 * Windows: `taskkill /T /F /PID` through tree-kill (Windows has no graceful signal for a console-less
 * child: the stop signal and timeout are not used). Resolves when the root pid no longer exists.
 * UNTESTED on Windows in this repository's CI: see the README.
 */
export async function killTreeWindows(pid: number, waitMs: number): Promise<KillTreeResult> {
  await new Promise<void>((resolve) => treeKill(pid, 'SIGKILL', () => resolve()));
  const deadline = Date.now() + waitMs;
  while (Date.now() < deadline) {
    if (!exists(pid)) return { escalated: true, survivors: [] };
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return { escalated: true, survivors: exists(pid) ? [pid] : [] };
}

function exists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
