/**
 * Suite runs: bounded concurrency per provider, durable plans and case states, exactly-once
 * results through crashes (resume, answer journal), cancel, drain, events. See docs/suite-runs.md.
 */
export { createSuiteRunner } from './runner.js';
export { watchSuiteRun } from './watch.js';
export { prepareSuite, type PreparedSuite } from './prepare-plan.js';
export type { DrainResult, StartSuiteRun, SuiteRunner, SuiteRunnerLogger, SuiteRunnerOptions } from './types.js';
export {
  CASE_RETRY_BASE_WAIT_MS,
  DEFAULT_CASE_RETRIES,
  DEFAULT_CASE_RETRY_WAIT_MAX_MS,
  DEFAULT_HEARTBEAT_MS,
  DEFAULT_SUITE_CONCURRENCY,
  MAX_SUITE_CONCURRENCY,
  RATE_LIMIT_STATUSES,
} from './defaults.js';
