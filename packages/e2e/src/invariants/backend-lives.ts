import type { FaultActionRecord, History, HistoryEvent } from '../history/types.js';

/**
 * The moments a backend process ended, as the history shows them: every exit the supervisors
 * reported, every host SIGKILLed (its backend is cut off then), and every sample in which a backend
 * tree seen before was gone (an orphan dying after its host). Sorted.
 */
export function backendDeaths(events: readonly HistoryEvent[]): number[] {
  const deaths: number[] = [];
  let live = new Set<number>();
  for (const e of events) {
    if (e.type === 'sup' && e.event === 'exit') deaths.push(e.t);
    if (e.type === 'host' && e.phase === 'killed') deaths.push(e.t);
    if (e.type === 'proc') {
      const now = new Set(e.trees.map((tree) => tree.root));
      if ([...live].some((root) => !now.has(root))) deaths.push(e.t);
      live = now;
    }
  }
  return deaths.sort((a, b) => a - b);
}

/** The first death in [from, to), or undefined. */
export function deathBetween(deaths: readonly number[], from: number, to: number): number | undefined {
  return deaths.find((t) => t >= from && t < to);
}

/** Time spans in which a backend tree was frozen by a fault (SIGSTOP until the fault's SIGCONT, or the end). */
export function frozenSpans(history: History): Array<{ from: number; to: number }> {
  const actions = history.events.filter((e): e is FaultActionRecord => e.type === 'fault-action' && e.action === 'signal');
  return actions.filter((a) => a.signal === 'SIGSTOP').map((stop) => ({
    from: stop.t,
    to: actions.find((a) => a.signal === 'SIGCONT' && a.index === stop.index && a.t >= stop.t)?.t ?? history.endedAt,
  }));
}
