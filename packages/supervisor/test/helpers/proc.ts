import { isProcessGone } from '../../src/index.js';

export { isProcessGone };

/** Waits (polling /proc) until every pid is gone; rejects after the safety net. */
export async function waitGone(pids: readonly number[], safetyMs = 20_000): Promise<void> {
  const deadline = Date.now() + safetyMs;
  while (pids.some((pid) => !isProcessGone(pid))) {
    if (Date.now() > deadline) throw new Error(`still alive after ${safetyMs} ms: ${pids.filter((p) => !isProcessGone(p)).join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** SIGKILLs every pid still alive (cleanup after a failed test). */
export function killAll(pids: Iterable<number>): void {
  for (const pid of pids) {
    if (isProcessGone(pid)) continue;
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}
