import type { HistoryEvent } from '../history/types.js';
import type { InvariantChecker, Violation } from './types.js';
import { fmtMs, injections } from './select.js';

function treeGoneAt(events: readonly HistoryEvent[], host: number, since: number): number | undefined {
  let alive = false;
  for (const e of events) {
    if (e.type !== 'proc') continue;
    const live = e.trees.some((tree) => tree.host === host);
    if (e.t < since) {
      alive = live;
      continue;
    }
    if (!live) return alive ? e.t : since;
    alive = true;
  }
  return alive ? undefined : since;
}

function nextHostFirstSpawn(events: readonly HistoryEvent[], host: number): number | undefined {
  return events.find((e) => e.type === 'sup' && e.event === 'spawn' && e.host > host)?.t;
}

/** After a host is SIGKILLed its backend tree is gone within the bound, or reaped by the next host. */
export const hostDeathCleanup: InvariantChecker = {
  name: 'host-death-cleanup',
  description: "a SIGKILLed host's backend tree is gone within hostDeathBoundMs, or before the next host spawns (reaped)",
  check(history) {
    const violations: Violation[] = [];
    for (const fault of injections(history.events, 'host-kill')) {
      const goneAt = treeGoneAt(history.events, fault.host, fault.t);
      if (goneAt === undefined) {
        violations.push({ invariant: this.name, t: fault.t, message: `host ${fault.host} was killed (fault #${fault.index}) and its backend tree never went away` });
        continue;
      }
      const bound = history.config.hostDeathBoundMs + history.config.toleranceMs;
      const reapedBy = nextHostFirstSpawn(history.events, fault.host);
      const reaped = reapedBy !== undefined && goneAt <= reapedBy;
      if (goneAt - fault.t > bound && !reaped) {
        violations.push({ invariant: this.name, t: goneAt, message: `host ${fault.host}'s backend tree outlived it by ${fmtMs(goneAt - fault.t)} (bound ${fmtMs(bound)}) and was not reaped before the next spawn` });
      }
    }
    return violations;
  },
};
