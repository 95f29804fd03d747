import { setTimeout as sleep } from 'node:timers/promises';
import { BackendError, validationError } from '../app/errors.js';
import type { SuiteRun } from '../contract/suite-run.js';
import { DEFAULT_CACHE_TTL_MS } from '../store/index.js';
import { ActiveRun, type FreshStart, type RunContext, type RunEnd } from './active-run.js';
import { checkCount, checkRunnerOptions } from './check-options.js';
import { DEFAULT_CASE_RETRIES, DEFAULT_CASE_RETRY_WAIT_MAX_MS, DEFAULT_SUITE_CONCURRENCY, MAX_SUITE_CONCURRENCY } from './defaults.js';
import { compareWithRuns, junitWithRuns, rerunOf } from './derived-runs.js';
import { EventHub } from './event-hub.js';
import { freshPlanOf, newSuiteRunOf, prepareSuite } from './prepare-plan.js';
import type { SuiteRunner, SuiteRunnerLogger, SuiteRunnerOptions } from './types.js';

const SILENT: SuiteRunnerLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

function notFound(id: string): BackendError {
  return new BackendError('SUITE_RUN_NOT_FOUND', { message: `No suite run with id ${id}`, details: { id } });
}

function storageStopped(id: string): BackendError {
  const message = `Suite run ${id} stopped: the history could not be written; it resumes at the next start (or the next resumeUnfinished())`;
  return new BackendError('HISTORY_WRITE_FAILED', { message, details: { storage_error: null } });
}

function stopping(id?: string): BackendError {
  const which = id === undefined ? 'no suite run can start' : `suite run ${id} did not finish here: it resumes at the next start`;
  return new BackendError('SHUTTING_DOWN', { message: `The backend is shutting down: ${which}` });
}

/** Creates the suite runner over a store and the providers. Nothing runs until `start` or `resumeUnfinished`. */
export function createSuiteRunner(options: SuiteRunnerOptions): SuiteRunner {
  checkRunnerOptions(options);
  const { store } = options;
  const logger = options.logger ?? SILENT;
  const defaultConcurrency = options.defaultConcurrency ?? DEFAULT_SUITE_CONCURRENCY;
  const hub = new EventHub((error) => logger.error({ err: error }, 'a suite-run event listener threw'));
  const active = new Map<string, ActiveRun>();
  let recorded = 0;
  let draining = false;
  const context: RunContext = {
    store,
    providers: options.providers,
    hub,
    logger,
    cacheTtlMs: options.cacheTtlMs ?? DEFAULT_CACHE_TTL_MS,
    journalAnswers: options.journalAnswers ?? true,
    retry: { retries: options.caseRetries ?? DEFAULT_CASE_RETRIES, waitMaxMs: options.caseRetryWaitMaxMs ?? DEFAULT_CASE_RETRY_WAIT_MAX_MS },
    signal: options.signal,
    onRecorded: () => (recorded += 1),
  };

  const launch = (id: string, fresh?: FreshStart): ActiveRun => {
    const run = new ActiveRun(id, context, fresh);
    active.set(id, run);
    void run.ended.then((end: RunEnd) => {
      active.delete(id);
      if ('finished' in end) logger.info({ suiteRunId: id, status: end.finished.status, passed: end.finished.passed, failed: end.finished.failed, errors: end.finished.errors }, 'suite run finished');
      else logger.info({ suiteRunId: id, casesLeft: end.left }, 'suite run left for the next start');
    });
    return run;
  };

  const get = async (id: string): Promise<SuiteRun> => {
    const run = await store.getSuiteRun(id);
    if (run === undefined) throw notFound(id);
    return run;
  };

  const runner: SuiteRunner = {
    async start(request) {
      if (draining) throw stopping();
      const concurrency = request.concurrency ?? defaultConcurrency;
      checkCount(concurrency, 1, MAX_SUITE_CONCURRENCY, (message) => validationError('concurrency', message));
      const prepared = request.prepared?.suite === request.suite ? request.prepared.cases : prepareSuite(request.suite).cases;
      const plan = newSuiteRunOf(request.suite, prepared, { suiteId: request.suiteId ?? null, concurrency, cache: request.cache ?? false, rerun_of: request.rerunOf ?? null });
      const created = await store.createSuiteRun(plan);
      if (draining) return created; // acknowledged and durable: the next start resumes it
      launch(created.id, { prepared, plan: freshPlanOf(created.id, plan) });
      logger.info({ suiteRunId: created.id, suite: created.suite.name, cases: created.total, concurrency, cache: created.cache }, 'suite run started');
      return created;
    },

    async resumeUnfinished() {
      const runs = await store.listUnfinishedSuiteRuns();
      if (draining) return runs;
      const resumed = runs.filter((run) => !active.has(run.id));
      for (const run of resumed) launch(run.id);
      if (resumed.length > 0) logger.info({ suiteRuns: resumed.map((run) => ({ id: run.id, done: run.done, total: run.total })) }, 'suite runs resumed');
      return runs;
    },

    get,
    list: (page, filter) => store.listSuiteRuns(page, filter),

    async cancel(id) {
      const current = await get(id);
      if (current.status !== 'running') return current;
      const requested = await store.requestCancel(id);
      logger.info({ suiteRunId: id }, 'suite run cancel requested');
      const run = active.get(id);
      if (run !== undefined) {
        const end = await run.cancel();
        return 'finished' in end ? end.finished : get(id);
      }
      if (draining) return requested; // durable: the next start finishes it as cancelled
      const finished = await store.finishSuiteRun(id);
      hub.emit(id, { type: 'end', run: finished });
      return finished;
    },

    async rerunFailed(id) {
      const [run, plan] = await Promise.all([get(id), store.getSuiteRunPlan(id)]);
      if (plan === undefined) throw notFound(id);
      return runner.start(rerunOf(run, plan));
    },

    junit: async (id) => junitWithRuns(store, await get(id)),

    async compare(baseId, headId) {
      const [base, head] = await Promise.all([get(baseId), get(headId)]);
      return compareWithRuns(store, base, head);
    },

    subscribe: (id, listener) => hub.subscribe(id, listener),

    async whenFinished(id) {
      let unsubscribe: () => void = () => undefined;
      const ended = new Promise<SuiteRun>((resolve) => {
        unsubscribe = hub.subscribe(id, (event) => event.type === 'end' && resolve(event.run));
      });
      try {
        const run = active.get(id);
        if (run !== undefined) {
          const end = await run.ended;
          if ('finished' in end) return end.finished;
          throw end.reason === 'storage' ? storageStopped(id) : stopping(id);
        }
        const current = await get(id);
        if (current.status !== 'running') return current;
        if (draining) throw stopping(id);
        return await ended;
      } finally {
        unsubscribe();
      }
    },

    async drain(timeoutMs) {
      draining = true;
      const runs = [...active.values()];
      const before = recorded;
      for (const run of runs) run.stopStarting();
      const all = Promise.all(runs.map((run) => run.ended));
      const bound = new AbortController();
      const inTime = await Promise.race([all.then(() => true), sleep(timeoutMs, false, { signal: bound.signal }).catch(() => false)]);
      bound.abort();
      if (!inTime) for (const run of runs) run.abortInFlight();
      const ends = await all;
      const leftForResume = ends.reduce((sum, end) => sum + ('left' in end ? end.left : 0), 0);
      return { recorded: recorded - before, leftForResume };
    },
  };
  return runner;
}
