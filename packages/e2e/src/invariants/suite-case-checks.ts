import type { ObservedSuiteRun } from '../history/types.js';
import type { SuiteStory } from './suite-stories.js';

const ENDED = new Set(['passed', 'failed', 'error']);

/** Each case index 0..total-1 exactly once, the counts agree with the cases, the final state fits the status. */
export function caseAccounting(story: SuiteStory, run: ObservedSuiteRun): string[] {
  const problems: string[] = [];
  const planned = story.start.cases ?? run.total;
  if (run.total !== planned) problems.push(`has ${run.total} cases, the client submitted ${planned}`);
  const indexes = run.cases.map((c) => c.index).sort((a, b) => a - b);
  const expectedIndexes = Array.from({ length: planned }, (_, i) => i);
  if (indexes.join(',') !== expectedIndexes.join(',')) problems.push(`has case indexes [${indexes.join(',')}], expected [${expectedIndexes.join(',')}] (each once)`);
  const count = (state: string) => run.cases.filter((c) => c.state === state).length;
  const ended = run.cases.filter((c) => ENDED.has(c.state)).length;
  const counts = { done: ended, passed: count('passed'), failed: count('failed'), errors: count('error') };
  for (const [name, value] of Object.entries(counts)) {
    const said = run[name as keyof typeof counts];
    if (said !== value) problems.push(`says ${name} ${said} but ${value} of its cases are`);
  }
  if (run.status === 'completed' && ended !== run.total) problems.push(`is completed with ${run.total - ended} cases not ended`);
  if (run.status === 'cancelled' && count('running') > 0) problems.push(`is cancelled with ${count('running')} cases still running`);
  return problems;
}

/** One recorded run per ended passed/failed case, the one its case names; none for other cases. */
export function recordedOnce(story: SuiteStory, run: ObservedSuiteRun): string[] {
  const problems: string[] = [];
  for (const c of run.cases) {
    const runs = story.runs.filter((r) => r.index === c.index);
    const recorded = c.state === 'passed' || c.state === 'failed';
    if (recorded && runs.length !== 1) problems.push(`case ${c.index} (${c.state}) has ${runs.length} recorded runs, expected exactly 1`);
    if (!recorded && runs.length > 0) problems.push(`case ${c.index} (${c.state}) has ${runs.length} recorded runs, expected none`);
    const only = runs[0];
    if (recorded && runs.length === 1 && only !== undefined) {
      if (only.id !== c.runId) problems.push(`case ${c.index} names run ${String(c.runId)} but the recorded run is ${only.id}`);
      if (only.success !== (c.state === 'passed')) problems.push(`case ${c.index} is ${c.state} but its run says success ${String(only.success)}`);
    }
  }
  const stray = story.runs.filter((r) => !run.cases.some((c) => c.index === r.index));
  for (const r of stray) problems.push(`run ${r.id} is recorded for case ${r.index}, which the suite run does not have`);
  return problems;
}

/** Every case ended with the verdict its design dictates (the last case of each suite fails on purpose; none errs). */
export function verdicts(story: SuiteStory, run: ObservedSuiteRun): string[] {
  const expected = story.start.expected ?? [];
  return run.cases.flatMap((c) => {
    if (!ENDED.has(c.state)) return [];
    const want = expected[c.index];
    return want === undefined || c.state === want ? [] : [`case ${c.index} ended ${c.state}, its assertions make it ${want}`];
  });
}

/**
 * What the client saw must agree with what was kept: a case it saw ended (an event, a snapshot
 * after a reconnect, a poll, the final) is ended with the same run in the audit, and never seen
 * pending or running again afterwards (a result is written once).
 */
export function observationsAgree(story: SuiteStory, run: ObservedSuiteRun): string[] {
  const problems: string[] = [];
  const seen = new Map<number, string>();
  for (const record of story.records) {
    const observed = record.op === 'final' ? (record.run?.cases ?? []) : (record.observed ?? []);
    for (const c of observed) {
      const before = seen.get(c.index);
      const now = ENDED.has(c.state) ? `${c.state} ${String(c.runId)}` : undefined;
      if (before !== undefined && now !== before) {
        problems.push(`case ${c.index} was seen ${before} and later ${now ?? c.state} (${record.op}${record.event === undefined ? '' : ` ${record.event}`})`);
      }
      if (now !== undefined && before === undefined) seen.set(c.index, now);
    }
  }
  for (const [index, was] of seen) {
    const kept = run.cases.find((c) => c.index === index);
    const keptAs = kept === undefined ? 'missing' : `${kept.state} ${String(kept.runId)}`;
    if (keptAs !== was) problems.push(`case ${index} was seen ${was} but the audit has it ${keptAs}`);
  }
  return [...new Set(problems)];
}
