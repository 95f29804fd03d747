import type { FaultActionRecord, HistoryEvent, SupervisorRecord } from '../history/types.js';
import type { InvariantChecker, Violation } from './types.js';
import { numberField, stringField } from './select.js';

/** Exit reasons that are the supervisor's own decision to end the process. */
const SUPERVISOR_DECISIONS: ReadonlySet<string> = new Set(['unhealthy', 'startup-timeout', 'memory-limit', 'restart']);
/** The signals a fault sends to end a process (SIGSTOP, SIGCONT and SIGUSR1 must never end one). */
const ENDING_SIGNALS: ReadonlySet<string> = new Set(['SIGKILL', 'SIGTERM']);

function spawnTime(events: readonly HistoryEvent[], host: number, pid: number, before: number): number {
  const spawn = events.filter((e) => e.type === 'sup' && e.host === host && e.event === 'spawn' && numberField(e, 'pid') === pid && e.t <= before).at(-1);
  return spawn?.t ?? -Infinity;
}

function aimedAt(action: FaultActionRecord, pid: number): boolean {
  return action.pid === pid || action.root === pid || (action.hit ?? []).includes(pid);
}

/** Why the exit happened, from the history; undefined when nothing recorded explains it. */
function explanation(events: readonly HistoryEvent[], exit: SupervisorRecord): string | undefined {
  const reason = stringField(exit, 'reason') ?? '?';
  const pid = numberField(exit, 'pid') ?? -1;
  if (SUPERVISOR_DECISIONS.has(reason)) return `supervisor decision (${reason})`;
  const since = spawnTime(events, exit.host, pid, exit.t);
  const window = (e: HistoryEvent) => e.t >= since && e.t <= exit.t;
  if (reason === 'stopped') {
    const stop = events.find((e) => window(e) && e.type === 'command' && e.host === exit.host && e.command === 'stop' && e.phase === 'sent');
    return stop === undefined ? undefined : 'stop() sent by the runner';
  }
  const kill = events.find((e): e is FaultActionRecord => window(e) && e.type === 'fault-action' && e.action === 'signal' && ENDING_SIGNALS.has(e.signal ?? '') && aimedAt(e, pid));
  return kill === undefined ? undefined : `${kill.signal} of fault #${kill.index} (${kill.detail})`;
}

/**
 * Every backend exit the supervisor reports is explained by what the history recorded: a signal a
 * fault sent to the process or its tree, a stop() the runner sent, or the supervisor's own decision
 * (unhealthy, startup timeout). An exit nothing explains is a fault action missing from the history,
 * or a backend that died by itself: both must be looked at.
 */
export const exitsExplained: InvariantChecker = {
  name: 'exits-explained',
  description: "every backend exit is explained by a recorded fault action (a signal to its tree), a stop() the runner sent, or the supervisor's own decision",
  check(history) {
    const violations: Violation[] = [];
    for (const e of history.events) {
      if (e.type !== 'sup' || e.event !== 'exit') continue;
      if (explanation(history.events, e) !== undefined) continue;
      const how = [`reason ${stringField(e, 'reason') ?? '?'}`, `code ${String(e.data['code'] ?? null)}`, `signal ${String(e.data['signal'] ?? null)}`].join(', ');
      violations.push({ invariant: this.name, t: e.t, message: `host ${e.host}: exit of pid ${String(e.data['pid'])} (${how}) is explained by no recorded fault action, stop() or supervisor decision` });
    }
    return violations;
  },
};
