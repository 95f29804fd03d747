/** Every fault the chaos runner can inject. */
export const FAULT_KINDS = [
  'sigkill',
  'sigterm',
  'hang',
  'crash-loop',
  'port-taken',
  'stale-server',
  'stdout-flood',
  'slow-start',
  'grandchild-kill',
  'stop-in-backoff',
  'host-kill',
  'answer-kill',
] as const;

export type FaultKind = (typeof FAULT_KINDS)[number];

/** The supervisor state in which a fault strikes. */
export type FaultMoment = 'starting' | 'ready' | 'backoff' | 'stopping';

/** The moments at which each fault is meaningful; the schedule covers every pair. */
export const FAULT_MOMENTS: Readonly<Record<FaultKind, readonly FaultMoment[]>> = {
  sigkill: ['starting', 'ready', 'stopping'],
  sigterm: ['starting', 'ready'],
  hang: ['ready', 'starting'],
  'crash-loop': ['starting'],
  'port-taken': ['backoff'],
  'stale-server': ['backoff'],
  'stdout-flood': ['ready', 'starting'],
  'slow-start': ['starting'],
  'grandchild-kill': ['ready', 'starting'],
  'stop-in-backoff': ['backoff'],
  'host-kill': ['ready', 'starting', 'backoff'],
  'answer-kill': ['ready'],
};

/** Faults after which the backend keeps running: recovery is immediate, no new 'ready' is awaited. */
export const NON_DISRUPTIVE_FAULTS: ReadonlySet<FaultKind> = new Set<FaultKind>(['stdout-flood']);

export function isFaultKind(value: string): value is FaultKind {
  return (FAULT_KINDS as readonly string[]).includes(value);
}
