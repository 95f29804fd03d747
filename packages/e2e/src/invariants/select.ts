import type { FaultRecord, HistoryEvent, SupervisorRecord } from '../history/types.js';

/**
 * States from which a transition into 'starting' is a new start() (a new launch: the restart budget
 * and the backoff streak start afresh), as opposed to a restart after a crash (from 'backoff').
 */
export const SESSION_START_FROM: ReadonlySet<string> = new Set(['idle', 'stopped', 'failed']);

export function supervisorEvents(events: readonly HistoryEvent[], host?: number): SupervisorRecord[] {
  return events.filter(
    (e): e is SupervisorRecord => e.type === 'sup' && e.event !== 'log' && (host === undefined || e.host === host),
  );
}

export function hostsOf(events: readonly HistoryEvent[]): number[] {
  const hosts = new Set<number>();
  for (const e of events) if (e.type === 'sup' || e.type === 'host') hosts.add(e.host);
  return [...hosts].sort((a, b) => a - b);
}

export function injections(events: readonly HistoryEvent[], kind?: FaultRecord['kind']): FaultRecord[] {
  return events.filter(
    (e): e is FaultRecord => e.type === 'fault' && e.phase === 'inject' && (kind === undefined || e.kind === kind),
  );
}

export function numberField(record: SupervisorRecord, field: string): number | undefined {
  const value = record.data[field];
  return typeof value === 'number' ? value : undefined;
}

export function stringField(record: SupervisorRecord, field: string): string | undefined {
  const value = record.data[field];
  return typeof value === 'string' ? value : undefined;
}

export function fmtMs(ms: number): string {
  return `${Math.round(ms)}ms`;
}
