import type { CaseState, RunRecord, SuiteRun, SuiteRunCase, SuiteRunEvent } from '@sentinel/backend/contract';

/** A suite run as the Run view follows it: the run, and the order its cases' results landed in. */
export interface LiveSuiteRun {
  readonly run: SuiteRun;
  /** Case indexes in the order their results arrived; each at most once. */
  readonly landed: readonly number[];
  /** The run record of each finished case that came with its event. */
  readonly records: Readonly<Record<number, RunRecord>>;
}

export function isFinished(state: CaseState): boolean {
  return state === 'passed' || state === 'failed' || state === 'error';
}

export function initialLive(run: SuiteRun): LiveSuiteRun {
  return { run, landed: run.cases.filter((item) => isFinished(item.state)).map((item) => item.index), records: {} };
}

/** Cases finished in `run` that `landed` does not list yet, appended in index order. */
function withLanded(landed: readonly number[], cases: readonly SuiteRunCase[]): readonly number[] {
  const seen = new Set(landed);
  const added = cases.filter((item) => isFinished(item.state) && !seen.has(item.index)).map((item) => item.index);
  return added.length === 0 ? landed : [...landed, ...added];
}

function replaceCase(run: SuiteRun, next: SuiteRunCase): SuiteRun {
  return { ...run, cases: run.cases.map((item) => (item.index === next.index ? next : item)) };
}

/**
 * Apply one live event. Events of another run are ignored; a repeated `case-finished` (a resumed
 * stream after a backend restart) changes nothing, so no result is ever shown twice.
 */
export function applySuiteRunEvent(live: LiveSuiteRun, event: SuiteRunEvent): LiveSuiteRun {
  const id = live.run.id;
  switch (event.type) {
    case 'snapshot':
    case 'end':
      if (event.run.id !== id) return live;
      return { ...live, run: event.run, landed: withLanded(live.landed, event.run.cases) };
    case 'case-started': {
      if (event.suite_run_id !== id) return live;
      const current = live.run.cases.find((item) => item.index === event.index);
      if (!current || isFinished(current.state)) return live;
      return { ...live, run: replaceCase(live.run, { ...current, state: 'running' }) };
    }
    case 'case-finished': {
      if (event.suite_run_id !== id) return live;
      const run = replaceCase(live.run, event.case);
      const records = event.run ? { ...live.records, [event.case.index]: event.run } : live.records;
      return { run, records, landed: live.landed.includes(event.case.index) ? live.landed : [...live.landed, event.case.index] };
    }
    case 'progress':
      if (event.suite_run_id !== id) return live;
      return { ...live, run: { ...live.run, total: event.total, done: event.done, passed: event.passed, failed: event.failed, errors: event.errors } };
  }
}

/** Elapsed and estimated remaining time (null until a case finished). */
export function timing(run: SuiteRun, now: number): { elapsedMs: number; remainingMs: number | null } {
  const end = run.finished_at ? Date.parse(run.finished_at) : now;
  const elapsedMs = Math.max(0, end - Date.parse(run.started_at));
  if (run.status !== 'running') return { elapsedMs, remainingMs: 0 };
  if (run.done === 0) return { elapsedMs, remainingMs: null };
  return { elapsedMs, remainingMs: (elapsedMs / run.done) * (run.total - run.done) };
}
