import type { FaultRecord } from '../history/types.js';
import type { InvariantChecker, Violation } from './types.js';
import { numberField } from './select.js';

/** A foreign listener or stale server on a port is never taken for the backend. */
export const neverAdoptStranger: InvariantChecker = {
  name: 'never-adopt-stranger',
  description: "no 'ready' names a port held by a foreign listener or a stale server at that moment",
  check(history) {
    const violations: Violation[] = [];
    const strangers = history.events.filter(
      (e): e is FaultRecord => e.type === 'fault' && e.phase === 'inject' && e.port !== undefined,
    );
    for (const stranger of strangers) {
      const end = history.events.find((e) => e.type === 'fault' && e.phase === 'end' && e.index === stranger.index);
      const until = end?.t ?? history.endedAt;
      for (const e of history.events) {
        if (e.type !== 'sup' || e.event !== 'ready' || e.t < stranger.t || e.t > until) continue;
        if (numberField(e, 'port') === stranger.port) {
          violations.push({ invariant: this.name, t: e.t, message: `host ${e.host} became ready on port ${stranger.port}, held by a ${stranger.kind} (fault #${stranger.index})` });
        }
      }
    }
    return violations;
  },
};
