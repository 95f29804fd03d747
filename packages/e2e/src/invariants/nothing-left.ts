import type { InvariantChecker } from './types.js';

/** Nothing the run started is alive at the end (read from /proc; zombies count as gone). */
export const nothingLeftRunning: InvariantChecker = {
  name: 'nothing-left-running',
  description: 'no backend, host, stub or foreign listener process is alive after the run',
  check(history) {
    const finals = history.events.filter((e) => e.type === 'leftovers');
    const last = finals.at(-1);
    if (last === undefined) return [{ invariant: this.name, message: 'the run recorded no final /proc check' }];
    if (last.type === 'leftovers' && last.pids.length > 0) {
      return [{ invariant: this.name, t: last.t, message: `still running after the run: pids ${last.pids.join(', ')}` }];
    }
    return [];
  },
};
