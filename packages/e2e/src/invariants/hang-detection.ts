import type { CheckedConfig, FaultRecord } from '../history/types.js';
import type { InvariantChecker, Violation } from './types.js';
import { fmtMs, injections, numberField, stringField } from './select.js';

/** The longest a hang may go unnoticed, by the moment it struck, before the process is gone. */
export function hangBoundMs(config: CheckedConfig, moment: FaultRecord['moment']): number {
  const detection =
    moment === 'ready' && config.health !== false
      ? config.health.failureThreshold * (config.health.intervalMs + config.health.timeoutMs)
      : config.readinessTimeoutMs;
  return detection + config.stopTimeoutMs + config.toleranceMs;
}

/** A hung backend (SIGSTOP) is detected and replaced within its bound. */
export const hangDetection: InvariantChecker = {
  name: 'hang-detected-in-bound',
  description: 'a SIGSTOPped backend exits (unhealthy, or startup-timeout while starting) within failureThreshold x (interval + timeout) + stop timeout',
  check(history) {
    const violations: Violation[] = [];
    for (const fault of injections(history.events, 'hang')) {
      const bound = hangBoundMs(history.config, fault.moment);
      const exit = history.events.find(
        (e) => e.type === 'sup' && e.event === 'exit' && e.t >= fault.t && numberField(e, 'pid') === fault.pid,
      );
      const hostDied = history.events.find(
        (e) => e.type === 'host' && e.phase !== 'spawned' && e.host === fault.host && e.t >= fault.t,
      );
      if (exit === undefined || exit.type !== 'sup') {
        if (hostDied === undefined) violations.push({ invariant: this.name, t: fault.t, message: `hang of pid ${fault.pid} (fault #${fault.index}) was never detected` });
        continue;
      }
      if (hostDied !== undefined && hostDied.t < exit.t) continue;
      const reason = stringField(exit, 'reason');
      const expected = fault.moment === 'ready' ? ['unhealthy'] : ['startup-timeout', 'unhealthy'];
      if (!expected.includes(reason ?? '')) {
        violations.push({ invariant: this.name, t: exit.t, message: `hang of pid ${fault.pid} (fault #${fault.index}) ended with reason ${reason}, expected ${expected.join(' or ')}` });
      }
      if (exit.t - fault.t > bound) {
        violations.push({ invariant: this.name, t: exit.t, message: `hang of pid ${fault.pid} (fault #${fault.index}) took ${fmtMs(exit.t - fault.t)} to end, bound ${fmtMs(bound)}` });
      }
    }
    return violations;
  },
};
