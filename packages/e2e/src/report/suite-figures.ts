import type { History, ModelCallRecord } from '../history/types.js';
import { suiteStories } from '../invariants/suite-stories.js';
import { injections } from '../invariants/select.js';

/** What the client's suite runs went through, for the report. */
export interface SuiteFigures {
  /** Suite runs the client sent a start for. */
  readonly started: number;
  /** Starts acknowledged with an id, or found by name after an interrupted start. */
  readonly acknowledged: number;
  /** Starts cut off by a crash (may or may not have been created), and of those, not found afterwards. */
  readonly interrupted: number;
  readonly lost: number;
  /** Starts the backend refused (e.g. 503 while draining). */
  readonly refused: number;
  /** Of the client's suite runs the backend kept: completed, cancelled (by the client), still running. */
  readonly completed: number;
  readonly cancelled: number;
  readonly running: number;
  /** Their cases, and how many of them were recorded (passed or failed), errored, left pending by a cancel. */
  readonly cases: number;
  readonly recorded: number;
  readonly errored: number;
  readonly pending: number;
  /** Faults injected while at least one of the client's suite runs was in flight. */
  readonly faultsDuring: number;
  /** Event streams that started over with a fresh snapshot (a reconnection after a restart). */
  readonly streamReconnects: number;
  /** Recorded runs whose answer came from the journal of a previous backend, and from the cache. */
  readonly resumedAnswers: number;
  readonly cachedAnswers: number;
  /** Model calls made for suite cases; calls beyond the first of their case; of those, repeats of an answered call (paid again). */
  readonly modelCalls: number;
  readonly repeatedCalls: number;
  readonly repaidAfterCrash: number;
}

function inFlightSpans(history: History): Array<{ from: number; to: number }> {
  const { stories } = suiteStories(history);
  return stories.map((s) => ({ from: s.start.t, to: s.records.filter((r) => r.op === 'final').at(-1)?.t ?? history.endedAt }));
}

function repeats(calls: readonly ModelCallRecord[]): { repeated: number; repaid: number } {
  let repaid = 0;
  for (let i = 1; i < calls.length; i++) if (calls[i - 1]?.status === 200) repaid += 1;
  return { repeated: Math.max(0, calls.length - 1), repaid };
}

/** The figures of the client's suite runs (all zero for a run without suites). */
export function suiteFigures(history: History): SuiteFigures {
  const { stories } = suiteStories(history);
  const ops = (op: string) => stories.filter((s) => s.records.some((r) => r.op === op)).length;
  const audited = stories.flatMap((s) => (s.audited === undefined ? [] : [s.audited]));
  const cases = audited.flatMap((run) => run.cases);
  const runs = stories.flatMap((s) => s.runs);
  const spans = inFlightSpans(history);
  let repeated = 0;
  let repaid = 0;
  for (const story of stories) {
    for (const calls of story.calls.values()) {
      const r = repeats(calls);
      repeated += r.repeated;
      repaid += r.repaid;
    }
  }
  const snapshots = stories.map((s) => s.records.filter((r) => r.op === 'event' && r.event === 'snapshot').length);
  return {
    started: stories.length,
    acknowledged: stories.filter((s) => s.id !== undefined).length,
    interrupted: stories.filter((s) => s.records.some((r) => r.op === 'start-failed' && r.interrupted === true)).length,
    lost: ops('start-lost'),
    refused: stories.filter((s) => s.records.some((r) => r.op === 'start-failed' && r.interrupted !== true)).length,
    completed: audited.filter((r) => r.status === 'completed').length,
    cancelled: audited.filter((r) => r.status === 'cancelled').length,
    running: audited.filter((r) => r.status === 'running').length,
    cases: cases.length,
    recorded: cases.filter((c) => c.state === 'passed' || c.state === 'failed').length,
    errored: cases.filter((c) => c.state === 'error').length,
    pending: cases.filter((c) => c.state === 'pending' || c.state === 'running').length,
    faultsDuring: injections(history.events).filter((f) => spans.some((span) => f.t >= span.from && f.t <= span.to)).length,
    streamReconnects: snapshots.reduce((n, count) => n + Math.max(0, count - 1), 0),
    resumedAnswers: runs.filter((r) => r.answerSource === 'resumed').length,
    cachedAnswers: runs.filter((r) => r.answerSource === 'cache').length,
    modelCalls: stories.reduce((n, s) => n + [...s.calls.values()].reduce((m, calls) => m + calls.length, 0), 0),
    repeatedCalls: repeated,
    repaidAfterCrash: repaid,
  };
}
