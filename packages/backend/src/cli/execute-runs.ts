import { BackendError } from '../app/errors.js';
import type { SuiteRun, SuiteRunCase } from '../contract/suite-run.js';
import type { HistoryStore } from '../store/index.js';
import type { SuiteRunner } from '../suite-runs/index.js';
import type { Interrupt } from './interrupt.js';
import type { PlannedRun } from './plan-runs.js';
import type { Progress } from './progress.js';
import type { CaseResult, CaseResultState, SuiteResult } from './results.js';

/** What the suite runs are started with. */
export interface ExecuteRunsOptions {
  readonly runner: SuiteRunner;
  readonly store: HistoryStore;
  readonly progress: Progress;
  readonly interrupt: Interrupt;
  /** Cases in flight per provider. @default the runner's (4) */
  readonly concurrency?: number;
  readonly cache: boolean;
}

const STATES: Readonly<Record<SuiteRunCase['state'], CaseResultState>> = { passed: 'passed', failed: 'failed', error: 'error', pending: 'not_run', running: 'not_run' };

function notRun(plan: PlannedRun): SuiteResult {
  return { plan, suiteRun: null, cases: plan.cases.map((source, index) => ({ source, index, state: 'not_run', run: null, error: null })) };
}

async function resultsOf(plan: PlannedRun, run: SuiteRun, store: HistoryStore): Promise<SuiteResult> {
  const cases: CaseResult[] = [];
  for (const entry of run.cases) {
    const source = plan.cases[entry.index];
    if (source === undefined) throw new Error(`suite run ${run.id} has a case ${entry.index} its plan does not`);
    const recorded = entry.run_id === null ? undefined : await store.getRun(entry.run_id);
    cases.push({ source, index: entry.index, state: STATES[entry.state], run: recorded ?? null, error: entry.error });
  }
  return { plan, suiteRun: run, cases };
}

const isShutdown = (error: unknown): boolean => error instanceof BackendError && error.code === 'SHUTTING_DOWN';

/**
 * Waits for the run; when an interrupt drained the runner first (the run is left `running`), the
 * CLI, which never resumes, ends it `cancelled` itself: its unfinished cases go back to `pending`.
 */
async function finalRun(id: string, options: ExecuteRunsOptions): Promise<SuiteRun> {
  try {
    return await options.runner.whenFinished(id);
  } catch (error) {
    if (!isShutdown(error) || !options.interrupt.stopping) throw error;
    await options.store.requestCancel(id);
    return options.store.finishSuiteRun(id);
  }
}

async function executeOne(plan: PlannedRun, options: ExecuteRunsOptions): Promise<SuiteResult> {
  let started: SuiteRun;
  try {
    started = await options.runner.start({ suite: plan.suite, ...(plan.prepared === undefined ? {} : { prepared: plan.prepared }), cache: options.cache, ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }) });
  } catch (error) {
    if (isShutdown(error) && options.interrupt.stopping) return notRun(plan);
    throw error;
  }
  options.progress.suiteStarted(plan, started);
  const unsubscribe = options.runner.subscribe(started.id, (event) => options.progress.event(event));
  try {
    const run = await finalRun(started.id, options);
    options.progress.suiteEnded(run);
    return await resultsOf(plan, run, options.store);
  } finally {
    unsubscribe();
  }
}

/**
 * Runs the planned suite runs one after another (each with `concurrency` cases in flight per
 * provider), in-process, and reads every case's recorded run back from the store. After an
 * interrupt, the runs not started are reported as not run.
 */
export async function executeRuns(plans: readonly PlannedRun[], options: ExecuteRunsOptions): Promise<SuiteResult[]> {
  const results: SuiteResult[] = [];
  for (const plan of plans) results.push(options.interrupt.stopping ? notRun(plan) : await executeOne(plan, options));
  return results;
}
