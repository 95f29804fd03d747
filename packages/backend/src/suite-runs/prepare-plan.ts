import { BackendError } from '../app/errors.js';
import type { TestSuite } from '../contract/spec.js';
import { prepareCase, type PreparedCase } from '../execution/index.js';
import { expandSuite, requestHash, validateTestSuite } from '../spec/index.js';
import type { CasePlan, NewSuiteRun, SuiteRunPlan } from '../store/index.js';

/** A case made ready to run, or why it cannot run (a resumed plan a newer backend refuses). */
export type ReadyCase = { readonly ok: true; readonly prepared: PreparedCase } | { readonly ok: false; readonly error: BackendError };

/** Names a case of a suite in errors, as validation does: `suite.tests[3]`. */
export function caseField(index: number): string {
  return `suite.tests[${index}]`;
}

/** A suite validated, expanded and every case prepared: what {@link prepareSuite} returns. */
export interface PreparedSuite {
  /** The suite as validation returned it. */
  readonly suite: TestSuite;
  /** One per case, in the suite's order. */
  readonly cases: readonly PreparedCase[];
}

/**
 * Validates the suite, expands it and prepares every case (resolution, provider rules, assertions).
 * @throws BackendError `VALIDATION_ERROR` / `UNSAFE_REGEX` naming `suite.tests[i]...`: nothing is stored.
 */
export function prepareSuite(suite: TestSuite): PreparedSuite {
  const valid = validateTestSuite(suite, 'suite');
  return { suite: valid, cases: expandSuite(valid, 'suite').map((spec, index) => prepareCase(spec, caseField(index))) };
}

/** The plan to store for a prepared suite: each case's merged spec and the exact request it sends. */
export function newSuiteRunOf(suite: TestSuite, prepared: readonly PreparedCase[], options: Omit<NewSuiteRun, 'suite' | 'definition' | 'cases'> & { suiteId: string | null }): NewSuiteRun {
  return {
    suite: { id: options.suiteId, name: suite.name, version: suite.version ?? null },
    definition: suite,
    concurrency: options.concurrency,
    cache: options.cache,
    rerun_of: options.rerun_of,
    cases: prepared.map((entry) => ({ name: entry.spec.name, spec: entry.spec, request: entry.request })),
  };
}

/**
 * The plan of a suite run the store has just created from `created`, as reading it back would
 * give it (every case pending, never claimed), without reading it back: a plan of 200 cases is
 * 400 JSON texts to parse again, about 4 ms of a `sentinel run`'s start.
 */
export function freshPlanOf(id: string, created: NewSuiteRun): SuiteRunPlan {
  return {
    id,
    definition: created.definition,
    concurrency: created.concurrency,
    cache: created.cache,
    cancel_requested: false,
    cases: created.cases.map((entry, index) => ({ ...entry, index, state: 'pending', attempts: 0 })),
  };
}

/**
 * A stored case made ready again (after a restart): its assertions prepared from its spec, and
 * the request stored with the plan sent as it is, so its hash finds the answer journaled for it.
 */
export function prepareStoredCase(entry: CasePlan): ReadyCase {
  try {
    const prepared = prepareCase(entry.spec, caseField(entry.index));
    if (entry.request === undefined) return { ok: true, prepared };
    return { ok: true, prepared: { ...prepared, request: entry.request, requestHash: requestHash(entry.request) } };
  } catch (error) {
    const reason = error instanceof BackendError ? error : new BackendError('INTERNAL_ERROR', { message: String(error), cause: error });
    return { ok: false, error: reason };
  }
}
