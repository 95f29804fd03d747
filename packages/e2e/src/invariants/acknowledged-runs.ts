import type { InvariantChecker, Violation } from './types.js';

/** Every run the backend acknowledged to the client is in the backend's run history afterwards. */
export const acknowledgedRunsKept: InvariantChecker = {
  name: 'acknowledged-runs-kept',
  description: "every run id the backend returned from execute is listed by GET /api/runs at the end",
  check(history) {
    const acked = history.events.flatMap((e) =>
      e.type === 'client' && e.op === 'execute' && e.outcome === 'ok' && e.runId !== undefined ? [e] : [],
    );
    if (acked.length === 0) return [];
    const audit = history.events.filter((e) => e.type === 'audit').at(-1);
    if (audit === undefined || audit.type !== 'audit') {
      return [{ invariant: this.name, message: `${acked.length} acknowledged runs but no final audit of the run history` }];
    }
    if (audit.error !== undefined) {
      return [{ invariant: this.name, t: audit.t, message: `the final audit of the run history failed: ${audit.error}` }];
    }
    const listed = new Set(audit.runIds);
    const violations: Violation[] = [];
    for (const run of acked) {
      if (run.runId !== undefined && !listed.has(run.runId)) {
        violations.push({ invariant: this.name, t: run.t, message: `run ${run.runId} was acknowledged but is missing from the history` });
      }
    }
    return violations;
  },
};
