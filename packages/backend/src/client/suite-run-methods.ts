import type { SuiteRun, SuiteRunComparison, SuiteRunEvent, SuiteRunFilter, SuiteRunPage, SuiteRunRequest } from '../contract/suite-run.js';
import { SuiteRunStartInterruptedError } from './errors.js';
import type { RawAnswer } from './send-request.js';
import { queryOf, segment, type RequestContext } from './request-context.js';
import type { PageOptions } from './run-methods.js';
import { watchSuiteRunEvents, type WatchSuiteRunOptions } from './watch-suite-run.js';

/** The suite-run routes. */
export interface SuiteRunMethods {
  /**
   * `POST /api/suite-runs`: answers at once with the run (`running`). Never resent once sent: a
   * start cut off by a crash rejects with SuiteRunStartInterruptedError (the run may exist).
   */
  startSuiteRun(request: SuiteRunRequest): Promise<SuiteRun>;
  getSuiteRun(id: string): Promise<SuiteRun>;
  /** Newest first, without cases; `suite_id` keeps one library suite's runs. */
  listSuiteRuns(options?: SuiteRunFilter & PageOptions): Promise<SuiteRunPage>;
  /** Stops the run (`cancelled`); safe to resend (a finished run is answered as it is). */
  cancelSuiteRun(id: string): Promise<SuiteRun>;
  /** A new run of the failed and errored cases (`rerun_of` set). Never resent once sent, like a start. */
  rerunFailedSuiteRun(id: string): Promise<SuiteRun>;
  /** Regressions first, then fixed, new and removed cases, and the metric deltas. */
  compareSuiteRuns(baseId: string, headId: string): Promise<SuiteRunComparison>;
  /** The run as JUnit XML (`GET /api/suite-runs/:id/junit`): one testcase per case. */
  exportSuiteRunJUnit(id: string): Promise<string>;
  /**
   * The run's events (`GET /api/suite-runs/:id/events`): a `snapshot` first, each case as it starts
   * and ends, progress, and `end`, after which the iteration ends. A stream cut by a backend restart
   * is reconnected and starts again with a fresh `snapshot` (replace your state with it).
   */
  watchSuiteRun(id: string, options?: WatchSuiteRunOptions): AsyncIterable<SuiteRunEvent>;
}

/** The suite-run methods of a client. */
export function suiteRunMethods(context: RequestContext): SuiteRunMethods {
  const { send, requestTimeoutMs: timeoutMs } = context;
  const get = (what: string, path: string): Promise<unknown> => send({ what, method: 'GET', path, idempotent: true, timeoutMs });
  const startLike = async (what: string, path: string, body: unknown): Promise<SuiteRun> => {
    const sentAt = new Date().toISOString();
    const answer = await send({ what, method: 'POST', path, body, idempotent: false, timeoutMs, interrupted: (cause) => new SuiteRunStartInterruptedError(sentAt, cause) });
    return (answer as { suite_run: SuiteRun }).suite_run;
  };
  return {
    startSuiteRun: (request) => startLike('POST /api/suite-runs', '/api/suite-runs', request),
    getSuiteRun: async (id) => ((await get('GET /api/suite-runs/:id', `/api/suite-runs/${segment(id)}`)) as { suite_run: SuiteRun }).suite_run,
    listSuiteRuns: async (options = {}) => (await get('GET /api/suite-runs', `/api/suite-runs${queryOf({ ...options })}`)) as SuiteRunPage,
    async cancelSuiteRun(id) {
      const answer = await send({ what: 'POST /api/suite-runs/:id/cancel', method: 'POST', path: `/api/suite-runs/${segment(id)}/cancel`, idempotent: true, timeoutMs });
      return (answer as { suite_run: SuiteRun }).suite_run;
    },
    rerunFailedSuiteRun: (id) => startLike('POST /api/suite-runs/:id/rerun-failed', `/api/suite-runs/${segment(id)}/rerun-failed`, undefined),
    async exportSuiteRunJUnit(id) {
      const answer = await send({ what: 'GET /api/suite-runs/:id/junit', method: 'GET', path: `/api/suite-runs/${segment(id)}/junit`, idempotent: true, timeoutMs, rawAnswer: true });
      return (answer as RawAnswer).text;
    },
    compareSuiteRuns: async (baseId, headId) =>
      ((await get('GET /api/suite-runs/:a/compare/:b', `/api/suite-runs/${segment(baseId)}/compare/${segment(headId)}`)) as { comparison: SuiteRunComparison }).comparison,
    watchSuiteRun: (id, options) => watchSuiteRunEvents(context.transport, id, options),
  };
}
