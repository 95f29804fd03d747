import type { RunRecord } from '../contract/run.js';
import type { TestSpec } from '../contract/spec.js';
import { buildRun, NO_ORIGIN, type RunOrigin } from './build-run.js';
import { obtainAnswer, type AnswerDependencies } from './obtain-answer.js';
import { prepareCase } from './prepare-case.js';
import { recordRun } from './record-run.js';

/** Options of one {@link executeSpec}. */
export interface ExecuteOptions {
  /** Names the spec in errors. @default 'test_spec' */
  readonly field?: string;
  /** The library test it runs. @default null */
  readonly testId?: string | null;
  /** Read and fill the response cache. @default false */
  readonly cache?: boolean;
}

/**
 * Runs one spec: resolves it and checks its assertions (refusals cost nothing), calls its
 * provider, evaluates the answer and records the run durably before returning it. When the
 * history cannot be written the run still comes back, `saved: false`.
 * @throws BackendError `VALIDATION_ERROR`, `UNSAFE_REGEX`, `NO_API_KEY`, upstream codes, `SHUTTING_DOWN`.
 */
export async function executeSpec(spec: TestSpec, dependencies: AnswerDependencies, options: ExecuteOptions = {}): Promise<RunRecord> {
  const prepared = prepareCase(spec, options.field ?? 'test_spec');
  const startedAt = new Date();
  const obtained = await obtainAnswer(prepared, dependencies, { cache: options.cache ?? false });
  const origin: RunOrigin = { ...NO_ORIGIN, test_id: options.testId ?? null };
  return recordRun(dependencies.store, buildRun(prepared, obtained, origin, startedAt));
}
