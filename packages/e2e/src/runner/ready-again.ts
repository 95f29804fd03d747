import type { HistoryEvent } from '../history/types.js';

/**
 * True when a record shows the backend of host `hostId` ready again after a fault: a `'ready'`
 * event (a new process), or its state back to `'ready'` (the same process answering its probes
 * again after `'unhealthy'`, which emits no `'ready'`: a flood can cause that). Records of other
 * hosts never count.
 */
export function isReadyAgain(record: HistoryEvent, hostId: number | undefined): boolean {
  if (record.type !== 'sup' || hostId === undefined || record.host !== hostId) return false;
  return record.event === 'ready' || (record.event === 'state' && record.data['to'] === 'ready');
}
