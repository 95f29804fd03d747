import type { FaultRecord, History } from '../history/types.js';
import { stringField } from '../invariants/select.js';
import { suiteStories } from '../invariants/suite-stories.js';

export interface Segment { readonly from: number; readonly to: number; readonly label: string; readonly host: number }
export interface FaultMark { readonly t: number; readonly recoveredAt: number | null; readonly kind: string; readonly moment: string; readonly index: number; readonly skipped: boolean }
export interface RequestMark { readonly t: number; readonly end: number; readonly op: string; readonly outcome: string }
export interface HostMark { readonly t: number; readonly host: number; readonly phase: string }
export interface SuiteMark { readonly from: number; readonly to: number; readonly key: string; readonly kind: string; readonly status: string; readonly cases: number }

/** The timeline, flattened into lanes: supervisor states, live backend trees, faults, client requests. */
export interface TimelineModel {
  readonly start: number;
  readonly end: number;
  readonly states: readonly Segment[];
  readonly trees: readonly Segment[];
  readonly faults: readonly FaultMark[];
  readonly requests: readonly RequestMark[];
  readonly hosts: readonly HostMark[];
  /** The client's suite runs, from their start to the client seeing them finished (or the end). */
  readonly suites: readonly SuiteMark[];
  readonly violations: readonly number[];
}

function stateSegments(history: History): Segment[] {
  const out: Segment[] = [];
  let open: { t: number; label: string; host: number } | undefined;
  for (const e of history.events) {
    if (e.type === 'host' && e.phase !== 'spawned' && open?.host === e.host) {
      out.push({ from: open.t, to: e.t, label: open.label, host: open.host });
      open = undefined;
    }
    if (e.type !== 'sup' || e.event !== 'state') continue;
    if (open !== undefined) out.push({ from: open.t, to: e.t, label: open.label, host: open.host });
    open = { t: e.t, label: stringField(e, 'to') ?? '?', host: e.host };
  }
  if (open !== undefined) out.push({ from: open.t, to: history.endedAt, label: open.label, host: open.host });
  return out;
}

function treeSegments(history: History): Segment[] {
  const out: Segment[] = [];
  let open: { t: number; count: number } | undefined;
  for (const e of history.events) {
    if (e.type !== 'proc') continue;
    if (open !== undefined && open.count > 0) out.push({ from: open.t, to: e.t, label: String(open.count), host: 0 });
    open = { t: e.t, count: e.trees.length };
  }
  if (open !== undefined && open.count > 0) out.push({ from: open.t, to: history.endedAt, label: String(open.count), host: 0 });
  return out;
}

export function timelineModel(history: History, violationTimes: readonly number[]): TimelineModel {
  const ends = new Map<number, FaultRecord>();
  for (const e of history.events) if (e.type === 'fault' && e.phase === 'end') ends.set(e.index, e);
  const faults = history.events.flatMap((e): FaultMark[] =>
    e.type === 'fault' && e.phase !== 'end'
      ? [{ t: e.t, recoveredAt: ends.get(e.index)?.recoveredAt ?? null, kind: e.kind, moment: e.moment, index: e.index, skipped: e.phase === 'skip' }]
      : [],
  );
  return {
    start: history.startedAt,
    end: history.endedAt,
    states: stateSegments(history),
    trees: treeSegments(history),
    faults,
    requests: history.events.flatMap((e) => (e.type === 'client' ? [{ t: e.startedAt, end: e.endedAt ?? history.endedAt, op: e.op, outcome: e.outcome }] : [])),
    hosts: history.events.flatMap((e) => (e.type === 'host' ? [{ t: e.t, host: e.host, phase: e.phase }] : [])),
    suites: suiteStories(history).stories.map((story) => {
      const final = story.records.filter((r) => r.op === 'final').at(-1);
      return { from: story.start.t, to: final?.t ?? history.endedAt, key: story.key, kind: story.start.kind ?? '?', status: story.audited?.status ?? (story.id === undefined ? 'not created' : 'unknown'), cases: story.start.cases ?? 0 };
    }),
    violations: violationTimes,
  };
}
