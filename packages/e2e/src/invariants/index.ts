import type { History } from '../history/types.js';
import type { InvariantChecker, Violation } from './types.js';
import { legalTransitions } from './legal-transitions.js';
import { singleTree } from './single-tree.js';
import { exitRecovery } from './exit-recovery.js';
import { backoffSchedule } from './backoff-schedule.js';
import { hangDetection } from './hang-detection.js';
import { hostDeathCleanup } from './host-death.js';
import { nothingLeftRunning } from './nothing-left.js';
import { acknowledgedRunsKept } from './acknowledged-runs.js';
import { clientDeadlines } from './client-deadlines.js';
import { neverAdoptStranger } from './never-adopt-stranger.js';
import { stopWins } from './stop-wins.js';
import { exitsExplained } from './exits-explained.js';
import { suiteRunsComplete } from './suite-runs-complete.js';
import { answersNotRepaid } from './answers-not-repaid.js';

export type { InvariantChecker, Violation } from './types.js';
export { LEGAL_TRANSITIONS } from './legal-transitions.js';

/** Every invariant, each a separate checker over the recorded history. */
export const INVARIANTS: readonly InvariantChecker[] = [
  legalTransitions,
  singleTree,
  exitRecovery,
  backoffSchedule,
  hangDetection,
  hostDeathCleanup,
  nothingLeftRunning,
  acknowledgedRunsKept,
  clientDeadlines,
  neverAdoptStranger,
  stopWins,
  exitsExplained,
  suiteRunsComplete,
  answersNotRepaid,
];

export interface InvariantResult {
  readonly name: string;
  readonly description: string;
  readonly violations: readonly Violation[];
}

/** Runs every checker; a checker that throws counts as a violation of its invariant. */
export function checkInvariants(history: History, checkers: readonly InvariantChecker[] = INVARIANTS): InvariantResult[] {
  return checkers.map((checker) => {
    try {
      return { name: checker.name, description: checker.description, violations: checker.check(history) };
    } catch (error) {
      const message = `checker crashed: ${error instanceof Error ? error.message : String(error)}`;
      return { name: checker.name, description: checker.description, violations: [{ invariant: checker.name, message }] };
    }
  });
}

export {
  legalTransitions, singleTree, exitRecovery, backoffSchedule, hangDetection, hostDeathCleanup,
  nothingLeftRunning, acknowledgedRunsKept, clientDeadlines, neverAdoptStranger, stopWins, exitsExplained,
  suiteRunsComplete, answersNotRepaid,
};
