import type { InvariantChecker, Violation } from './types.js';

/** Once stop() is sent, nothing is spawned on that host until the next start(). */
export const stopWins: InvariantChecker = {
  name: 'stop-wins',
  description: 'after stop() (in backoff or any state) no spawn happens before the next start(), and stop() settles',
  check(history) {
    const violations: Violation[] = [];
    const stops = history.events.filter((e) => e.type === 'command' && e.command === 'stop' && e.phase === 'sent');
    for (const stop of stops) {
      if (stop.type !== 'command') continue;
      const later = history.events.filter((e) => e.t >= stop.t);
      const restartAt = later.find((e) => e.type === 'command' && e.host === stop.host && e.command === 'start' && e.phase === 'sent')?.t ?? Infinity;
      const spawn = later.find((e) => e.type === 'sup' && e.host === stop.host && e.event === 'spawn' && e.t < restartAt);
      if (spawn !== undefined) {
        violations.push({ invariant: this.name, t: spawn.t, message: `host ${stop.host} spawned a backend after stop() and before start()` });
      }
      const settled = later.some((e) => e.type === 'command' && e.host === stop.host && e.command === 'stop' && e.phase !== 'sent');
      const hostGone = later.some((e) => e.type === 'host' && e.host === stop.host && e.phase !== 'spawned');
      if (!settled && !hostGone) violations.push({ invariant: this.name, t: stop.t, message: `stop() on host ${stop.host} never settled` });
    }
    return violations;
  },
};
