import type { History, ModelCallRecord } from '../history/types.js';
import type { InvariantChecker, Violation } from './types.js';
import { backendDeaths, deathBetween, frozenSpans } from './backend-lives.js';
import { suiteStories, type SuiteStory } from './suite-stories.js';
import { fmtMs } from './select.js';

const answered = (call: ModelCallRecord): boolean => call.status === 200 && call.answeredAt !== null;

interface Context {
  readonly history: History;
  readonly deaths: readonly number[];
  readonly frozen: ReadonlyArray<{ from: number; to: number }>;
  readonly stories: ReadonlyMap<string, SuiteStory>;
}

/** Repeats of one case's calls: each must follow a backend death, soon enough after an answer that it may not have been journaled. */
function repeatProblems(ctx: Context, calls: readonly ModelCallRecord[]): string[] {
  const problems: string[] = [];
  const { journalBoundMs, toleranceMs } = ctx.history.config;
  for (let i = 1; i < calls.length; i++) {
    const before = calls[i - 1] as ModelCallRecord;
    const call = calls[i] as ModelCallRecord;
    if (!answered(before)) continue; // never answered: nothing was paid for it
    const death = deathBetween(ctx.deaths, before.t, call.t);
    if (death === undefined) {
      problems.push(`call-${call.call} repeats call-${before.call}, answered ${fmtMs(call.t - (before.answeredAt ?? 0))} before, with no backend death in between: paid twice by one backend`);
      continue;
    }
    const answeredAt = before.answeredAt ?? 0;
    const bound = journalBoundMs + toleranceMs;
    // A death from the call on to `bound` after its answer: the answer may never have been received, or not journaled yet.
    if (deathBetween(ctx.deaths, before.t, answeredAt + bound) !== undefined) continue;
    if (ctx.frozen.some((span) => span.from <= death && span.to >= answeredAt)) continue;
    problems.push(`call-${call.call} repeats call-${before.call}, whose answer the backend had for ${fmtMs(death - answeredAt)} before it died (time to journal it: ${fmtMs(bound)}): an answer already stored was paid again`);
  }
  return problems;
}

/** The recorded run's answer is the last call made for its case (or, from the cache, the answer its cache fill recorded). */
function recordProblems(ctx: Context, story: SuiteStory, index: number, calls: readonly ModelCallRecord[]): string[] {
  const run = story.runs.find((r) => r.index === index);
  if (run === undefined) return [];
  if (run.call === null) return [`its run ${run.id} holds an answer that names no model call`];
  if (run.answerSource === 'cache') {
    const fill = story.start.reuses === undefined ? undefined : ctx.stories.get(story.start.reuses)?.runs.find((r) => r.index === index);
    if (fill === undefined) return story.start.cache === true ? [] : [`its run ${run.id} took a cached answer although the run did not ask for the cache`];
    return fill.call === run.call ? [] : [`its run ${run.id} took call-${run.call} from the cache, but the cache fill recorded call-${String(fill.call)}`];
  }
  const used = calls.findIndex((c) => c.call === run.call);
  if (used < 0) return [`its run ${run.id} holds call-${run.call}, which is not one of its model calls`];
  const later = calls.slice(used + 1);
  const problems = later.map((c) => `call-${c.call} was sent after call-${run.call}, whose answer the case recorded: an answer already stored was paid again`);
  if (run.answerSource === 'resumed') {
    const usedCall = calls[used] as ModelCallRecord;
    if (deathBetween(ctx.deaths, usedCall.answeredAt ?? usedCall.t, run.startedAt + ctx.history.config.toleranceMs) === undefined) {
      problems.push(`its run ${run.id} says its answer was resumed, but no backend died between call-${run.call} and the record`);
    }
  }
  return problems;
}

/** A cache-reuse case whose cache fill recorded the case must not call the model at all. */
function cacheProblems(ctx: Context, story: SuiteStory, index: number, calls: readonly ModelCallRecord[]): string[] {
  if (story.start.reuses === undefined || calls.length === 0) return [];
  const fill = ctx.stories.get(story.start.reuses)?.runs.find((r) => r.index === index);
  return fill === undefined ? [] : calls.map((c) => `call-${c.call} was sent although the cache fill ${story.start.reuses ?? ''} had recorded this case (its answer was cached)`);
}

/**
 * No model call is repeated for a case whose answer the backend already stored. From the outside
 * (the stub's calls, each answer naming its call, the recorded runs, the deaths of backends):
 * (1) the run recorded for a case holds the answer of the LAST call made for it, since an answer
 * can only reach a record through the journal once its backend died, so a call after it re-paid a
 * stored answer; (2) a case called again after an answered call must have had a backend die in
 * between (one backend never pays twice), and (3) within journalBoundMs + tolerance of that answer,
 * unless the tree was frozen then: a backend that lived on longer had time to journal it; (4) a
 * 'resumed' answer comes from before a death; (5) a cache reuse pays nothing its cache fill recorded.
 */
export const answersNotRepaid: InvariantChecker = {
  name: 'no-answer-paid-twice',
  description: 'no model call is repeated for a suite-run case whose answer was already stored: repeats only after a backend died before it could have journaled the answer',
  check(history) {
    const { stories, strayCalls } = suiteStories(history);
    const ctx: Context = { history, deaths: backendDeaths(history.events), frozen: frozenSpans(history), stories: new Map(stories.map((s) => [s.key, s])) };
    const violations: Violation[] = strayCalls.map((c) => ({ invariant: this.name, t: c.t, message: `call-${c.call} names suite ${c.key}, which the client never started` }));
    for (const story of stories) {
      const indexes = new Set([...story.calls.keys(), ...story.runs.map((r) => r.index)]);
      for (const index of [...indexes].sort((a, b) => a - b)) {
        const calls = story.calls.get(index) ?? [];
        const problems = [...recordProblems(ctx, story, index, calls), ...repeatProblems(ctx, calls), ...cacheProblems(ctx, story, index, calls)];
        for (const problem of problems) violations.push({ invariant: this.name, t: calls[0]?.t ?? story.start.t, message: `suite ${story.key} case ${index}: ${problem}` });
      }
    }
    return violations;
  },
};
