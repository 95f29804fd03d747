import type { GroupState } from './types.js';

/** Every legal transition of a group. */
export const GROUP_TRANSITIONS: Readonly<Record<GroupState, readonly GroupState[]>> = {
  idle: ['starting'],
  starting: ['running', 'failed', 'stopping'],
  running: ['restarting', 'failed', 'stopping'],
  restarting: ['running', 'failed', 'stopping'],
  stopping: ['stopped'],
  stopped: ['starting'],
  failed: ['starting', 'stopping'],
};

/** The members a strategy restarts after `trigger` exited unexpectedly (`order`: start order). */
export function affectedBy<Name extends string>(strategy: 'one_for_one' | 'one_for_all' | 'rest_for_one', order: readonly Name[], trigger: Name): Name[] {
  if (strategy === 'one_for_one') return [];
  if (strategy === 'one_for_all') return order.filter((name) => name !== trigger);
  return order.slice(order.indexOf(trigger) + 1);
}
