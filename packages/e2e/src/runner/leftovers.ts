import { setTimeout as delay } from 'node:timers/promises';
import { isAlive } from '../proc/proc-table.js';

/** Processes the run started, by pid and start time (so a reused pid is not blamed). */
export type Started = ReadonlyArray<{ pid: number; startTime?: number }>;

/** The started processes still alive (zombies count as gone). */
export function stillAlive(started: Started): number[] {
  return started.filter((p) => isAlive(p.pid, p.startTime === -1 ? undefined : p.startTime)).map((p) => p.pid);
}

/**
 * The started processes still alive after a grace period, polling /proc every `pollMs`: a tree that is
 * dying when the run ends is given `graceMs` (the documented bound) to finish.
 */
export async function leftoversAfter(started: Started, graceMs: number, pollMs = 50): Promise<number[]> {
  const until = Date.now() + graceMs;
  let alive = stillAlive(started);
  while (alive.length > 0 && Date.now() < until) {
    await delay(pollMs);
    alive = stillAlive(started);
  }
  return alive;
}
