import type { History, HistoryEvent } from '../history/types.js';
import type { InvariantChecker, Violation } from './types.js';
import { SESSION_START_FROM, fmtMs, numberField, stringField } from './select.js';

/**
 * The delay before the n-th consecutive restart (1-based) without jitter, as @sentinel/supervisor 1.0
 * schedules it: 0 for the first crash of a streak (restarted at once), then initialDelayMs x
 * factor^(n-2), capped at maxDelayMs. Written out here on purpose (not imported from the supervisor):
 * the checker is an independent statement of the documented schedule.
 */
export function scheduledDelay(consecutive: number, initialDelayMs: number, factor: number, maxDelayMs: number): number {
  if (consecutive <= 1) return 0;
  return Math.min(maxDelayMs, initialDelayMs * factor ** (consecutive - 2));
}

/**
 * For each backoff of `host`, the possible numbers of consecutive restarts it is: counted since the
 * last start() (its transition into 'starting' from idle, stopped or failed, stamped by the host) or the last exit of a backend that had stayed ready for resetAfterMs (both values are
 * kept when that uptime is within the tolerance of the bound).
 */
export function consecutiveRestarts(history: History, host: number): Map<HistoryEvent, number[]> {
  const { restart, toleranceMs } = history.config;
  const out = new Map<HistoryEvent, number[]>();
  if (restart === false) return out;
  const readyAt = new Map<number, number>();
  let counts = [0];
  for (const e of history.events) {
    if (e.type !== 'sup' || e.host !== host) continue;
    // A new start() (the supervisor leaves idle, stopped or failed for 'starting') starts a new streak.
    if (e.event === 'state' && stringField(e, 'to') === 'starting' && SESSION_START_FROM.has(stringField(e, 'from') ?? '')) counts = [0];
    const pid = numberField(e, 'pid');
    if (e.event === 'ready' && pid !== undefined) readyAt.set(pid, e.t);
    if (e.event === 'exit' && pid !== undefined && stringField(e, 'reason') !== 'stopped') {
      const since = readyAt.get(pid);
      const up = since === undefined ? -Infinity : e.t - since;
      if (up >= restart.resetAfterMs + toleranceMs) counts = [0];
      else if (up > restart.resetAfterMs - toleranceMs) counts = [...new Set([...counts, 0])];
    }
    if (e.event === 'backoff') {
      counts = counts.map((n) => n + 1);
      out.set(e, counts);
    }
  }
  return out;
}

/** Backoff delays follow the configured schedule within the jitter, and no respawn comes early. */
export const backoffSchedule: InvariantChecker = {
  name: 'backoff-schedule',
  description: 'the first restart of a streak is immediate, the n-th (n >= 2) waits initialDelayMs x factor^(n-2), capped at maxDelayMs, within ±jitter; the respawn never comes early',
  check(history) {
    const { restart } = history.config;
    const violations: Violation[] = [];
    if (restart === false) return violations;
    const hosts = new Set(history.events.flatMap((e) => (e.type === 'sup' ? [e.host] : [])));
    for (const host of hosts) {
      for (const [event, counts] of consecutiveRestarts(history, host)) {
        if (event.type !== 'sup') continue;
        const delay = numberField(event, 'delayMs') ?? Number.NaN;
        const ranges = counts.map((n) => {
          const base = scheduledDelay(n, restart.initialDelayMs, restart.factor, restart.maxDelayMs);
          return { n, low: Math.max(0, base * (1 - restart.jitter) - 1), high: Math.min(restart.maxDelayMs, base * (1 + restart.jitter)) + 1 };
        });
        if (!ranges.some((r) => delay >= r.low && delay <= r.high)) {
          const expected = ranges.map((r) => `${fmtMs(r.low)}..${fmtMs(r.high)} (restart ${r.n} in a row)`).join(' or ');
          violations.push({ invariant: this.name, t: event.t, message: `host ${host}: backoff delay ${delay}ms outside ${expected}` });
          continue;
        }
        const next = history.events.find(
          (e) => e.t > event.t && ((e.type === 'sup' && e.host === host && e.event === 'spawn') || (e.type === 'command' && e.host === host) || (e.type === 'host' && e.host === host && e.phase !== 'spawned')),
        );
        if (next?.type === 'sup' && next.t - event.t < delay - 2) {
          violations.push({ invariant: this.name, t: next.t, message: `host ${host}: respawn ${fmtMs(next.t - event.t)} after a backoff of ${delay}ms` });
        }
      }
    }
    return violations;
  },
};
