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
      violations.push({ invariant: this.name, t: e.t, message: `${e.trees.length} live backend trees: ${trees.join('; ')}` });
    }
    return violations;
  },
};
