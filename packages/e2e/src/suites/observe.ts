import type { SuiteRun } from '@sentinel/backend/contract';
import type { ObservedCase, ObservedSuiteRun } from '../history/types.js';

const ENDED = new Set(['passed', 'failed', 'error']);

/** True for a case state that is final (passed, failed or error). */
export function hasEnded(state: string): boolean {
  return ENDED.has(state);
}

/** The cases of `run` that have ended, as the history keeps them. */
export function endedCases(run: SuiteRun): ObservedCase[] {
  return run.cases.filter((c) => hasEnded(c.state)).map((c) => ({ index: c.index, state: c.state, runId: c.run_id }));
}

/** A suite run as the history keeps it: counts and every case. */
export function observeSuiteRun(run: SuiteRun): ObservedSuiteRun {
  return {
    id: run.id,
    name: run.suite.name,
    status: run.status,
    total: run.total,
    done: run.done,
    passed: run.passed,
    failed: run.failed,
    errors: run.errors,
    cache: run.cache,
    cases: run.cases.map((c) => ({ index: c.index, state: c.state, runId: c.run_id })),
  };
}

/** An error in a few words for the history: its code and message. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  return `${typeof code === 'string' ? `${code}: ` : ''}${error.message}`.slice(0, 200);
}
