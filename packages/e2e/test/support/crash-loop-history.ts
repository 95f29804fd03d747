import type { FaultActionRecord, History, HistoryEvent } from '../../src/history/types.js';
import { checkedConfigFor } from '../../src/runner/checked-config.js';
import { DEFAULT_TIMING } from '../../src/config/timing.js';
import { state, sup } from './histories.js';

/** The host of the 30-minute soak's report (its number there). */
export const SOAK_HOST = 174;
/** The pid the crash-loop fault killed, ready, to reach the starting moment. */
export const READY_PID = 28052;
/** When the soak's supervisor gave up (19:33:42.989Z), as the moment of the last crash. */
const LAST_CRASH = Date.parse('2026-11-22T19:33:42.989Z');
/** Six crashes within 2.6 s (ms before the last one), against maxRestarts 5 in 3 s. */
const CRASHES_BEFORE_LAST = [2600, 2300, 1900, 1400, 850, 0];
/** The restart delays of the streak (0 for the first, then 100 x 2^(n-2) capped at 800, jitter inside ±20 %). */
const DELAYS = [0, 104, 195, 410, 790];

export interface CrashLoopShape {
  /** Milliseconds from the transition into 'failed' to the runner's start() record (may be negative). @default 0.2 */
  readonly startAfterGiveUpMs?: number;
  /** Milliseconds from the transition into 'failed' to the 'failed' event. @default 0.3 (start() 0.1 ms before it) */
  readonly failedAfterGiveUpMs?: number;
  /** Leave out the first crashes (a loop that did not spend the budget). @default 0 */
  readonly dropFirstCrashes?: number;
  /** Record the kill of the ready backend that reaches the starting moment. @default true */
  readonly recordReachingKill?: boolean;
}

function kill(t: number, pid: number, detail: string): FaultActionRecord {
  return { type: 'fault-action', t, index: 7, kind: 'crash-loop', host: SOAK_HOST, action: 'signal', signal: 'SIGKILL', pid, root: pid, hit: [pid], detail };
}

/**
 * The soak's crash loop, reconstructed: a ready backend killed to reach 'starting', then every
 * start killed before ready, six crashes in 2.6 s; the supervisor gives up, and the runner, reacting
 * to the 'state' event into 'failed', sends start() a fraction of a millisecond before the 'failed'
 * event is stamped. The supervisor was right; the history must keep every invariant.
 */
export function soakCrashLoop(shape: CrashLoopShape = {}): History {
  const h = SOAK_HOST;
  const t0 = LAST_CRASH - 5_000;
  const crashes = CRASHES_BEFORE_LAST.slice(shape.dropFirstCrashes ?? 0).map((before) => LAST_CRASH - before);
  const events: HistoryEvent[] = [
    { type: 'host', t: t0, host: h, phase: 'spawned', pid: 9_000 },
    { type: 'command', t: t0 + 1, host: h, command: 'start', phase: 'sent' },
    state(t0 + 2, 'idle', 'starting', h),
    sup(t0 + 3, 'spawn', { pid: READY_PID, attempt: 1 }, h),
    sup(t0 + 400, 'ready', { pid: READY_PID, port: 41_000, url: 'http://127.0.0.1:41000', attempt: 1 }, h),
    state(t0 + 400, 'starting', 'ready', h),
    { type: 'command', t: t0 + 401, host: h, command: 'start', phase: 'resolved' },
  ];
  let pid = READY_PID;
  let from = 'ready';
  crashes.forEach((at, n) => {
    const reaching = n === 0;
    if (!reaching || shape.recordReachingKill !== false) events.push(kill(at - 0.5, pid, reaching ? 'kill the ready backend to reach the starting moment' : `crash loop: start ${n} killed before ready`));
    if (n === 1) events.push({ type: 'fault', t: at - 0.6, index: 7, kind: 'crash-loop', moment: 'starting', phase: 'inject', host: h, pid, detail: '5 starts killed before ready' });
    events.push(sup(at, 'exit', { pid, code: null, signal: 'SIGKILL', reason: 'crash' }, h));
    const delay = DELAYS[n];
    if (n === crashes.length - 1 || delay === undefined) return;
    events.push(state(at + 0.1, from, 'backoff', h), sup(at + 0.2, 'backoff', { attempt: n + 2, delayMs: delay }, h));
    pid += 1;
    events.push(state(at + delay + 1, 'backoff', 'starting', h), sup(at + delay + 2, 'spawn', { pid, attempt: n + 2 }, h));
    from = 'starting';
  });
  const gaveUp = LAST_CRASH + 0.3;
  const next = pid + 1;
  events.push(
    state(gaveUp, 'starting', 'failed', h),
    sup(gaveUp + (shape.failedAfterGiveUpMs ?? 0.3), 'failed', { reason: { code: 'SUP_ERR_GAVE_UP' }, restarts: 5 }, h),
    { type: 'command', t: gaveUp + (shape.startAfterGiveUpMs ?? 0.2), host: h, command: 'start', phase: 'sent' },
    state(gaveUp + 1, 'failed', 'starting', h),
    sup(gaveUp + 2, 'spawn', { pid: next, attempt: 1 }, h),
    sup(gaveUp + 400, 'ready', { pid: next, port: 41_006, url: 'http://127.0.0.1:41006', attempt: 1 }, h),
    state(gaveUp + 400, 'starting', 'ready', h),
    { type: 'command', t: gaveUp + 401, host: h, command: 'start', phase: 'resolved' },
    { type: 'fault', t: gaveUp + 402, index: 7, kind: 'crash-loop', moment: 'starting', phase: 'end', host: h, recoveredAt: gaveUp + 400 },
    { type: 'leftovers', t: gaveUp + 1_000, pids: [] },
  );
  const sorted = events.map((event, order) => ({ event, order })).sort((a, b) => a.event.t - b.event.t || a.order - b.order).map(({ event }) => event);
  return { seed: 777001, startedAt: t0, endedAt: gaveUp + 1_000, config: checkedConfigFor(DEFAULT_TIMING), events: sorted };
}
