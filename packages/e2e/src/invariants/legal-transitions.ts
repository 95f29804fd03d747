import type { InvariantChecker, Violation } from './types.js';
import { hostsOf, stringField, supervisorEvents } from './select.js';

/** The supervisor's documented state machine (packages/supervisor README): for each state, its successors. */
export const LEGAL_TRANSITIONS: Readonly<Record<string, readonly string[]>> = {
  idle: ['starting'],
  starting: ['ready', 'backoff', 'failed', 'stopping'],
  // 'starting' from ready/unhealthy: restart() (supervisor 1.0), which the runner itself never calls.
  ready: ['unhealthy', 'backoff', 'starting', 'failed', 'stopping'],
  unhealthy: ['ready', 'backoff', 'starting', 'failed', 'stopping'],
  backoff: ['starting', 'failed', 'stopping'],
  stopping: ['stopped'],
  stopped: ['starting'],
  failed: ['starting', 'stopping'],
};

/** Only legal state transitions, each starting from the state the previous one ended in. */
export const legalTransitions: InvariantChecker = {
  name: 'legal-transitions',
  description: 'every state change is an edge of the state machine and starts where the last one ended',
  check(history) {
    const violations: Violation[] = [];
    for (const host of hostsOf(history.events)) {
      let current = 'idle';
      for (const e of supervisorEvents(history.events, host)) {
        if (e.event !== 'state') continue;
        const from = stringField(e, 'from') ?? '?';
        const to = stringField(e, 'to') ?? '?';
        if (from !== current) {
          violations.push({ invariant: this.name, t: e.t, message: `host ${host}: transition ${from} -> ${to} but the state was ${current}` });
        }
        if (!(LEGAL_TRANSITIONS[from] ?? []).includes(to)) {
          violations.push({ invariant: this.name, t: e.t, message: `host ${host}: illegal transition ${from} -> ${to}` });
        }
        current = to;
      }
    }
    return violations;
  },
};
