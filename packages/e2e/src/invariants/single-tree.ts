import type { InvariantChecker, Violation } from './types.js';

/** At most one live backend tree at any sampled moment (zombies count as gone). */
export const singleTree: InvariantChecker = {
  name: 'single-backend-tree',
  description: 'at most one live backend process tree at any moment, across all hosts',
  check(history) {
    const violations: Violation[] = [];
    for (const e of history.events) {
      if (e.type !== 'proc' || e.trees.length <= 1) continue;
      const trees = e.trees.map((tree) => `root ${tree.root} (host ${tree.host}: ${tree.pids.join(',')})`);
      const deadHosts = e.trees.flatMap((tree) => {
        const death = history.events.find((h) => h.type === 'host' && h.host === tree.host && h.phase !== 'spawned' && h.t <= e.t);
        return death === undefined ? [] : [`host ${tree.host} died ${Math.round(e.t - death.t)}ms before and its tree was not reaped`];
      });
      const why = deadHosts.length === 0 ? '' : ` (${deadHosts.join('; ')})`;
      violations.push({ invariant: this.name, t: e.t, message: `${e.trees.length} live backend trees: ${trees.join('; ')}${why}` });
    }
    return violations;
  },
};
