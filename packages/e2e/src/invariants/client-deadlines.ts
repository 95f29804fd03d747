import type { InvariantChecker, Violation } from './types.js';
import { fmtMs } from './select.js';

/** No client request runs past its deadline, and none is left pending. */
export const clientDeadlines: InvariantChecker = {
  name: 'client-deadlines',
  description: 'every client request settles within its deadline (plus tolerance); none is still pending at the end',
  check(history) {
    const violations: Violation[] = [];
    for (const e of history.events) {
      if (e.type !== 'client') continue;
      if (e.endedAt === null || e.outcome === 'pending') {
        violations.push({ invariant: this.name, t: e.startedAt, message: `${e.op} started at ${new Date(e.startedAt).toISOString()} never settled` });
        continue;
      }
      const took = e.endedAt - e.startedAt;
      if (took > e.deadlineMs + history.config.toleranceMs) {
        violations.push({ invariant: this.name, t: e.endedAt, message: `${e.op} took ${fmtMs(took)}, deadline ${fmtMs(e.deadlineMs)}` });
      }
    }
    return violations;
  },
};
