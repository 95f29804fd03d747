import type { FaultRecord, History } from '../history/types.js';
import { FAULT_KINDS, type FaultKind } from '../schedule/fault-kinds.js';
import { checkInvariants, type InvariantResult } from '../invariants/index.js';
import { durationStats, type DurationStats } from './stats.js';
import { suiteFigures, type SuiteFigures } from './suite-figures.js';

export interface FaultKindSummary {
  readonly injected: number;
  readonly skipped: number;
  readonly recovered: number;
  readonly recovery: DurationStats;
}

/** Everything a person or a CI system needs to know about one chaos run. */
export interface ChaosReport {
  readonly seed: number;
  /** The command line that replays this run. */
  readonly replay: string;
  readonly target: string;
  readonly startedAt: string;
  readonly durationMs: number;
  readonly faults: {
    readonly injected: number;
    readonly skipped: number;
    readonly recovered: number;
    readonly unrecovered: number;
    readonly recovery: DurationStats;
    readonly byKind: Readonly<Record<string, FaultKindSummary>>;
  };
  readonly client: { readonly requests: number; readonly ok: number; readonly failed: number; readonly interrupted: number; readonly acknowledgedRuns: number };
  /** The client's suite runs (all zero when the run had none). */
  readonly suites: SuiteFigures;
  readonly invariants: readonly InvariantResult[];
  readonly violations: number;
  readonly passed: boolean;
}

function faultEvents(history: History, phase: FaultRecord['phase']): FaultRecord[] {
  return history.events.filter((e): e is FaultRecord => e.type === 'fault' && e.phase === phase);
}

/** Recovery time of each fault: from injection to the system being ready again. */
export function recoveries(history: History): Array<{ kind: FaultKind; ms: number | null }> {
  const injected = new Map(faultEvents(history, 'inject').map((f) => [f.index, f]));
  return faultEvents(history, 'end').flatMap((end) => {
    const start = injected.get(end.index);
    if (start === undefined) return [];
    const ms = end.recoveredAt === null || end.recoveredAt === undefined ? null : Math.max(0, end.recoveredAt - start.t);
    return [{ kind: end.kind, ms }];
  });
}

function kindSummary(history: History, kind: FaultKind): FaultKindSummary {
  const done = recoveries(history).filter((r) => r.kind === kind);
  const times = done.flatMap((r) => (r.ms === null ? [] : [r.ms]));
  return {
    injected: faultEvents(history, 'inject').filter((f) => f.kind === kind).length,
    skipped: faultEvents(history, 'skip').filter((f) => f.kind === kind).length,
    recovered: times.length,
    recovery: durationStats(times),
  };
}

/** Builds the report, running every invariant checker over the history. */
export function buildReport(history: History, meta: { replay: string; target: string }): ChaosReport {
  const invariants = checkInvariants(history);
  const all = recoveries(history);
  const times = all.flatMap((r) => (r.ms === null ? [] : [r.ms]));
  const client = history.events.flatMap((e) => (e.type === 'client' ? [e] : []));
  const violations = invariants.reduce((n, r) => n + r.violations.length, 0);
  const byKind: Record<string, FaultKindSummary> = {};
  for (const kind of FAULT_KINDS) byKind[kind] = kindSummary(history, kind);
  return {
    seed: history.seed,
    replay: meta.replay,
    target: meta.target,
    startedAt: new Date(history.startedAt).toISOString(),
    durationMs: Math.round(history.endedAt - history.startedAt),
    faults: {
      injected: faultEvents(history, 'inject').length,
      skipped: faultEvents(history, 'skip').length,
      recovered: times.length,
      unrecovered: all.length - times.length,
      recovery: durationStats(times),
      byKind,
    },
    client: {
      requests: client.length,
      ok: client.filter((c) => c.outcome === 'ok').length,
      failed: client.filter((c) => c.outcome === 'error' || c.outcome === 'pending').length,
      interrupted: client.filter((c) => c.outcome === 'interrupted').length,
      acknowledgedRuns: client.filter((c) => c.op === 'execute' && c.outcome === 'ok').length,
    },
    suites: suiteFigures(history),
    invariants,
    violations,
    passed: violations === 0,
  };
}
