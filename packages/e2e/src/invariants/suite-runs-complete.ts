import type { ObservedSuiteRun, SuiteRecord } from '../history/types.js';
import type { InvariantChecker, Violation } from './types.js';
import { suiteStories, type SuiteStory } from './suite-stories.js';
import { caseAccounting, observationsAgree, recordedOnce, verdicts } from './suite-case-checks.js';

function recordsOf(story: SuiteStory, op: SuiteRecord['op']): SuiteRecord[] {
  return story.records.filter((r) => r.op === op);
}

/** The status the run must end in, from the client's cancels and what the backend answered them. */
function statusProblems(story: SuiteStory, run: ObservedSuiteRun): string[] {
  if (run.status === 'running') return ['is still running at the end'];
  const cancels = recordsOf(story, 'cancel-sent');
  const acks = recordsOf(story, 'cancel-acked').map((r) => r.status);
  if (cancels.length === 0) return run.status === 'completed' ? [] : [`ended ${run.status} although the client never cancelled it`];
  if (acks.includes('completed')) return run.status === 'completed' ? [] : [`ended ${run.status} although the cancel was answered "completed"`];
  if (acks.some((s) => s === 'cancelled' || s === 'running')) return run.status === 'cancelled' ? [] : [`ended ${run.status} although its cancel was acknowledged`];
  return [];
}

function storyProblems(story: SuiteStory): string[] {
  const interrupted = recordsOf(story, 'start-failed').some((r) => r.interrupted === true);
  const refused = recordsOf(story, 'start-failed').length > 0 && !interrupted;
  const run = story.audited;
  if (story.sameName.length > 1) return [`was created ${story.sameName.length} times (${story.sameName.map((r) => r.id).join(', ')}): a start is sent once`];
  if (refused) return run === undefined ? [] : [`exists as ${run.id} although its start was refused`];
  if (run === undefined) return story.id === undefined ? [] : [`was acknowledged as ${story.id} but the backend does not list it`];
  const problems = [...statusProblems(story, run), ...caseAccounting(story, run), ...recordedOnce(story, run), ...verdicts(story, run), ...observationsAgree(story, run)];
  const final = recordsOf(story, 'final').at(-1)?.run;
  if (story.id !== undefined && final === undefined) problems.push('was never seen finished by the client following it');
  if (final !== undefined && final.status !== run.status) problems.push(`was seen finished ${final.status} but the audit has it ${run.status}`);
  return problems;
}

/**
 * Every suite run the client started completes, or ends cancelled when (and only when) the client
 * cancelled it, with each case recorded exactly once: one case per index, counts that agree, one
 * recorded run per recorded case (the one its case names), the verdict its assertions dictate,
 * and nothing the client saw ended ever changing. A start cut off by a crash counts too once the
 * backend lists it (by its unique name), and it must not exist twice; a refused start must not exist.
 */
export const suiteRunsComplete: InvariantChecker = {
  name: 'suite-runs-complete-once',
  description: 'every suite run the client started completes (or ends cancelled exactly when the client cancelled it), each case recorded exactly once, counts consistent',
  check(history) {
    const { stories, audit, unclaimed } = suiteStories(history);
    if (stories.length === 0) return [];
    if (audit === undefined) return [{ invariant: this.name, message: `${stories.length} suite runs started but no final audit of the suite runs` }];
    if (audit.error !== undefined) return [{ invariant: this.name, t: audit.t, message: `the final audit of the suite runs failed: ${audit.error}` }];
    const violations: Violation[] = [];
    for (const story of stories) {
      for (const problem of storyProblems(story)) {
        violations.push({ invariant: this.name, t: story.start.t, message: `suite ${story.key} (${story.start.kind ?? '?'}${story.id === undefined ? '' : `, ${story.id}`}) ${problem}` });
      }
    }
    for (const run of unclaimed) violations.push({ invariant: this.name, t: audit.t, message: `suite run ${run.id} ("${run.name}") matches no suite the client started` });
    return violations;
  },
};
