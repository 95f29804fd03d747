/** The states of a supervised backend. The diagram is in the package README. */
export type SupervisorState = 'idle' | 'starting' | 'ready' | 'unhealthy' | 'backoff' | 'stopping' | 'stopped' | 'failed';

/** Every legal transition: `from -> allowed targets`. */
export const TRANSITIONS: Readonly<Record<SupervisorState, readonly SupervisorState[]>> = {
  idle: ['starting'],
  starting: ['ready', 'backoff', 'failed', 'stopping'],
  // 'starting' from ready/unhealthy: restart() replaces the backend without a backoff.
  ready: ['unhealthy', 'backoff', 'starting', 'failed', 'stopping'],
  unhealthy: ['ready', 'backoff', 'starting', 'failed', 'stopping'],
  backoff: ['starting', 'stopping'],
  stopping: ['stopped'],
  stopped: ['starting'],
  failed: ['starting', 'stopping'],
};

/** True when `from -> to` is a legal transition. */
export function canTransition(from: SupervisorState, to: SupervisorState): boolean {
  return TRANSITIONS[from].includes(to);
}
