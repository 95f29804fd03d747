import type { RunRecord } from '../contract/run.js';
import type { CaseError, CaseState } from '../contract/suite-run.js';
import type { JUnitOutcome } from './junit-xml.js';

/** A case as reports see it: how it ended, its run (passed or failed) and its error. `not_run`: never started. */
export interface ReportedCase {
  readonly state: CaseState | 'not_run';
  readonly run: RunRecord | null;
  readonly error: CaseError | null;
}

/** Why a case that never ran did not (shown in reports). */
const NOT_RUN: Readonly<Record<'not_run' | 'pending' | 'running', string>> = {
  not_run: 'not run: interrupted',
  pending: 'not run: the suite run was cancelled before it started',
  running: 'not run: the suite run was cancelled while it was in flight',
};

/** The first failed assertion's message, or the error's: what a person reads first ('' for a pass). */
export function firstProblem(result: ReportedCase): string {
  switch (result.state) {
    case 'passed':
      return '';
    case 'error':
      return result.error === null ? 'the case ended in error' : `${result.error.code}: ${result.error.message}`;
    case 'failed':
      return result.run?.assertions.find((assertion) => !assertion.passed)?.message ?? 'an assertion failed';
    default:
      return NOT_RUN[result.state];
  }
}

/** A case's JUnit outcome: failed assertions are `<failure>`, errors `<error>`, cases that never ran `<skipped>`. */
export function junitOutcome(result: ReportedCase): JUnitOutcome {
  switch (result.state) {
    case 'passed':
      return { kind: 'passed' };
    case 'error':
      return { kind: 'error', message: firstProblem(result), type: result.error?.code ?? 'ERROR' };
    case 'failed': {
      const failed = result.run?.assertions.filter((assertion) => !assertion.passed) ?? [];
      const details = failed.map((assertion) => `${assertion.kind}: ${assertion.message}`).join('\n');
      return { kind: 'failure', message: firstProblem(result), type: failed[0]?.kind ?? 'assertion', details };
    }
    default:
      return { kind: 'skipped', message: firstProblem(result) };
  }
}

/** The JUnit properties of a case's run: which model, which run, where its answer came from, its cost. */
export function runProperties(run: RunRecord | null): Record<string, string> {
  if (run === null) return {};
  const properties: Record<string, string> = { provider: run.provider, model: run.model, run_id: run.id, answer_source: run.answer_source };
  if (run.cost_usd !== null) properties.cost_usd = String(run.cost_usd);
  return properties;
}
