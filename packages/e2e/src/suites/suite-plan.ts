import type { TestSuite } from '@sentinel/backend/contract';
import type { SuitePlanKind } from '../history/types.js';
import { ANSWER_MARK, NEVER_ANSWERED, casePrompt } from './prompts.js';

/** The model the chaos suites ask (the stub answers any model). */
export const CHAOS_SUITE_MODEL = 'claude-chaos-stub';

/** How the client follows a suite run to its end. */
export type FollowMode = 'events' | 'poll';

/** One suite run the client will start. */
export interface SuitePlan {
  /** Unique in the run: `s<n>`; in the suite's name and every prompt. */
  readonly key: string;
  readonly kind: SuitePlanKind;
  readonly suite: TestSuite;
  readonly concurrency: number;
  readonly cache: boolean;
  readonly follow: FollowMode;
  /** The verdict each case must get, by index: the last case of every suite fails on purpose. */
  readonly expected: readonly ('passed' | 'failed')[];
  /** cache-reuse: the cache-fill plan whose prompts (and cached answers) it reuses. */
  readonly reuses?: SuitePlan;
  /** cancel: the client cancels once this many cases have ended. */
  readonly cancelAfterCases?: number;
}

/** The order of suite kinds, repeated: every kind early in a run. */
export const SUITE_KIND_CYCLE: readonly SuitePlanKind[] = ['plain', 'cancel', 'cache-fill', 'plain', 'cache-reuse'];

function suiteOf(name: string, promptKey: string, cases: number): { suite: TestSuite; expected: Array<'passed' | 'failed'> } {
  const expected = Array.from({ length: cases }, (_, index): 'passed' | 'failed' => (index === cases - 1 ? 'failed' : 'passed'));
  return {
    expected,
    suite: {
      name,
      version: '1',
      defaults: { model: CHAOS_SUITE_MODEL, model_config: { max_tokens: 64, temperature: 0 } },
      tests: expected.map((verdict, index) => ({
        name: `case ${index}`,
        inputs: { query: casePrompt(promptKey, index) },
        assertions: [{ must_contain: verdict === 'passed' ? ANSWER_MARK : NEVER_ANSWERED }],
      })),
    },
  };
}

/**
 * The `n`-th suite run of the client (1-based): its kind from SUITE_KIND_CYCLE, 4 to 6 cases at
 * concurrency 2 or 3, followed by events or by polling in turn. A cache-reuse run repeats the
 * prompts of `lastFill`, a cache fill that completed (so every answer it needs is in the cache);
 * without one it is a plain run.
 */
export function planSuite(n: number, lastFill: SuitePlan | undefined): SuitePlan {
  let kind = SUITE_KIND_CYCLE[(n - 1) % SUITE_KIND_CYCLE.length] as SuitePlanKind;
  if (kind === 'cache-reuse' && lastFill === undefined) kind = 'plain';
  const key = `s${n}`;
  const follow: FollowMode = n % 2 === 1 ? 'events' : 'poll';
  const concurrency = 2 + (n % 2);
  const name = `chaos suite ${key}`;
  if (kind === 'cache-reuse' && lastFill !== undefined) {
    const { suite, expected } = suiteOf(name, lastFill.key, lastFill.expected.length);
    return { key, kind, suite, concurrency, cache: true, follow, expected, reuses: lastFill };
  }
  const cases = kind === 'cancel' ? 6 : 4 + (n % 3);
  const { suite, expected } = suiteOf(name, key, cases);
  return { key, kind, suite, concurrency: kind === 'cancel' ? 2 : concurrency, cache: kind === 'cache-fill', follow, expected, ...(kind === 'cancel' ? { cancelAfterCases: 1 } : {}) };
}
