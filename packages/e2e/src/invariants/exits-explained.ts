import type { FaultActionRecord, HistoryEvent, SupervisorRecord } from '../history/types.js';
import type { InvariantChecker, Violation } from './types.js';
import { numberField, stringField } from './select.js';

/** Exit reasons that are the supervisor's own decision to end the process. */
const SUPERVISOR_DECISIONS: ReadonlySet<string> = new Set(['unhealthy', 'startup-timeout', 'memory-limit', 'restart']);
/** The signals a fault sends to end a process (SIGSTOP, SIGCONT and SIGUSR1 must never end one). */
const ENDING_SIGNALS: ReadonlySet<string> = new Set(['SIGKILL', 'SIGTERM']);

function aimedAt(action: FaultActionRecord, pid: number): boolean {
  return action.pid === pid || action.root === pid || (action.hit ?? []).includes(pid);
}

/** One pass over the history: what can explain each exit, indexed. */
class Explanations {
  readonly #spawns = new Map<string, number[]>();
  readonly #stops = new Map<number, number[]>();
  readonly #kills: FaultActionRecord[] = [];

  constructor(events: readonly HistoryEvent[]) {
    for (const e of events) {
      if (e.type === 'sup' && e.event === 'spawn') this.#push(this.#spawns, `${e.host}:${String(e.data['pid'])}`, e.t);
      if (e.type === 'command' && e.command === 'stop' && e.phase === 'sent') this.#push(this.#stops, e.host, e.t);
      if (e.type === 'fault-action' && e.action === 'signal' && ENDING_SIGNALS.has(e.signal ?? '')) this.#kills.push(e);
    }
  }

  #push<K>(map: Map<K, number[]>, key: K, t: number): void {
    map.set(key, [...(map.get(key) ?? []), t]);
  }

  /** Why the exit happened, from the history; undefined when nothing recorded explains it. */
  of(exit: SupervisorRecord): string | undefined {
    const reason = stringField(exit, 'reason') ?? '?';
    const pid = numberField(exit, 'pid') ?? -1;
    if (SUPERVISOR_DECISIONS.has(reason)) return `supervisor decision (${reason})`;
    const since = (this.#spawns.get(`${exit.host}:${pid}`) ?? []).filter((t) => t <= exit.t).at(-1) ?? -Infinity;
    const inLife = (t: number) => t >= since && t <= exit.t;
    if (reason === 'stopped') return (this.#stops.get(exit.host) ?? []).some(inLife) ? 'stop() sent by the runner' : undefined;
    const kill = this.#kills.find((a) => inLife(a.t) && aimedAt(a, pid));
    return kill === undefined ? undefined : `${kill.signal} of fault #${kill.index} (${kill.detail})`;
  }
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
    const explanations = new Explanations(history.events);
    const violations: Violation[] = [];
    for (const e of history.events) {
      if (e.type !== 'sup' || e.event !== 'exit' || explanations.of(e) !== undefined) continue;
      const how = [`reason ${stringField(e, 'reason') ?? '?'}`, `code ${String(e.data['code'] ?? null)}`, `signal ${String(e.data['signal'] ?? null)}`].join(', ');
      violations.push({ invariant: this.name, t: e.t, message: `host ${e.host}: exit of pid ${String(e.data['pid'])} (${how}) is explained by no recorded fault action, stop() or supervisor decision` });
    }
    return violations;
  },
};
