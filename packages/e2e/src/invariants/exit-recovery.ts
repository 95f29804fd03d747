import type { History, HistoryEvent, SupervisorRecord } from '../history/types.js';
import type { InvariantChecker, Violation } from './types.js';
import { SESSION_START_FROM, hostsOf, stringField } from './select.js';

function crashExits(events: readonly HistoryEvent[], host: number): SupervisorRecord[] {
  return events.filter(
    (e): e is SupervisorRecord => e.type === 'sup' && e.host === host && e.event === 'exit' && stringField(e, 'reason') !== 'stopped',
  );
}

function stateChanges(events: readonly HistoryEvent[], host: number): SupervisorRecord[] {
  return events.filter((e): e is SupervisorRecord => e.type === 'sup' && e.host === host && e.event === 'state');
}

/** What ends the story of a crash: a new ready, a final failed, or the runner taking over. */
function outcomeAfter(events: readonly HistoryEvent[], host: number, t: number): HistoryEvent | undefined {
  return events.find(
    (e) =>
      e.t >= t &&
      ((e.type === 'sup' && e.host === host && (e.event === 'ready' || e.event === 'failed')) ||
        (e.type === 'command' && e.host === host && e.command === 'stop' && e.phase === 'sent') ||
        (e.type === 'host' && e.host === host && e.phase !== 'spawned')),
  );
}

/**
 * True when more than maxRestarts crashes fell in the window before the supervisor gave up. Reasoned
 * on the supervisor's own state transitions, all stamped by the host in the order it made them: the
 * moment it gave up is its transition into 'failed', and the budget it spent is counted from the
 * start() it was serving, seen as its transition from idle/stopped/failed into 'starting'. The
 * runner's records of its commands are not used: a start() the runner sends in reaction to the
 * 'state' event into 'failed' can be stamped a fraction of a millisecond before the 'failed' event,
 * and must not be taken for a start() the supervisor was serving.
 */
export function budgetSpent(history: History, host: number, failed: SupervisorRecord): boolean {
  const { restart } = history.config;
  if (restart === false) return true;
  const changes = stateChanges(history.events, host).filter((e) => e.t <= failed.t);
  const gaveUpAt = changes.filter((e) => stringField(e, 'to') === 'failed').at(-1)?.t ?? failed.t;
  const sessionStart = changes.filter((e) => e.t <= gaveUpAt && stringField(e, 'to') === 'starting' && SESSION_START_FROM.has(stringField(e, 'from') ?? '')).at(-1)?.t ?? -Infinity;
  // Restarts may be stamped up to one backoff delay after their exit.
  const windowStart = Math.max(sessionStart, gaveUpAt - restart.windowMs - restart.maxDelayMs - history.config.toleranceMs);
  const exits = crashExits(history.events, host).filter((e) => e.t >= windowStart && e.t <= gaveUpAt);
  return exits.length > restart.maxRestarts;
}

/** Every crash is followed by 'ready' again, or by 'failed' only once the restart budget is really spent. */
export const exitRecovery: InvariantChecker = {
  name: 'exit-then-ready-or-failed',
  description: "every unrequested exit is followed by 'ready', or by 'failed' only when more than maxRestarts exits fell in windowMs since the start() the supervisor was serving",
  check(history) {
    const violations: Violation[] = [];
    for (const host of hostsOf(history.events)) {
      const checkedFailures = new Set<HistoryEvent>();
      for (const exit of crashExits(history.events, host)) {
        const outcome = outcomeAfter(history.events, host, exit.t);
        const pid = String(exit.data['pid']);
        if (outcome === undefined) {
          violations.push({ invariant: this.name, t: exit.t, message: `host ${host}: exit of pid ${pid} was never followed by ready or failed` });
        } else if (outcome.type === 'sup' && outcome.event === 'failed' && !checkedFailures.has(outcome)) {
          checkedFailures.add(outcome);
          if (!budgetSpent(history, host, outcome)) {
            violations.push({ invariant: this.name, t: outcome.t, message: `host ${host}: 'failed' before the restart budget was spent` });
          }
        }
      }
    }
    return violations;
  },
};
