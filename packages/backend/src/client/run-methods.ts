import type { ProviderInfo, ProviderName, ProviderVerification } from '../contract/providers.js';
import type { RunComparison, RunFilter, RunPage, RunRecord, ValidationReport } from '../contract/run.js';
import type { TestSpec, TestSuite } from '../contract/spec.js';
import { queryOf, segment, type RequestContext } from './request-context.js';

/** `GET /health`'s answer. */
export interface HealthAnswer {
  readonly status: 'ok';
  readonly instance: string | null;
  readonly version: string;
  readonly uptimeMs: number;
}

/** Which page of a listing: newest first, `limit` (1-200) items older than `cursor` (a `next_cursor`). */
export interface PageOptions {
  readonly limit?: number;
  readonly cursor?: string;
}

/** Health, runs (execute, run a library test, history, compare) and providers. */
export interface RunMethods {
  health(): Promise<HealthAnswer>;
  /**
   * Runs a spec; with `testId` (an unsaved edit of that library test) the run is recorded under it.
   * Never resent once sent; a crash mid-run rejects with RunInterruptedError.
   */
  execute(spec: TestSpec, options?: { readonly testId?: string }): Promise<RunRecord>;
  /** Checks a spec or a suite as a run would, without saving or calling a model (`POST /api/validate`). */
  validate(document: { readonly test_spec: TestSpec } | { readonly suite: TestSuite }): Promise<ValidationReport>;
  /** Runs a library test (`POST /api/tests/:id/run`); the run carries its `test_id`. Never resent once sent. */
  runTest(id: string): Promise<RunRecord>;
  /** The history, newest first, with every filter of `GET /api/runs`. */
  listRuns(options?: RunFilter & PageOptions): Promise<RunPage>;
  getRun(id: string): Promise<RunRecord>;
  /** Two runs of the same test. */
  compareRuns(baseId: string, headId: string): Promise<RunComparison>;
  listProviders(): Promise<ProviderInfo[]>;
  /** Checks the configured key, or `apiKey` (used for that one call, never stored). Safe to resend. */
  verifyProvider(name: ProviderName, apiKey?: string): Promise<ProviderVerification>;
}

/** The run and provider methods of a client. */
export function runMethods(context: RequestContext): RunMethods {
  const { send, requestTimeoutMs: timeoutMs, executeTimeoutMs } = context;
  const get = (what: string, path: string): Promise<unknown> => send({ what, method: 'GET', path, idempotent: true, timeoutMs });
  return {
    health: async () => (await get('GET /health', '/health')) as HealthAnswer,
    async execute(spec, options = {}) {
      const body = options.testId === undefined ? { test_spec: spec } : { test_spec: spec, test_id: options.testId };
      const answer = await send({ what: 'execute', method: 'POST', path: '/api/execution/execute', body, idempotent: false, timeoutMs: executeTimeoutMs });
      return (answer as { result: RunRecord }).result;
    },
    validate: async (document) => (await send({ what: 'POST /api/validate', method: 'POST', path: '/api/validate', body: document, idempotent: true, timeoutMs })) as ValidationReport,
    async runTest(id) {
      const answer = await send({ what: 'POST /api/tests/:id/run', method: 'POST', path: `/api/tests/${segment(id)}/run`, idempotent: false, timeoutMs: executeTimeoutMs });
      return (answer as { result: RunRecord }).result;
    },
    listRuns: async (options = {}) => (await get('GET /api/runs', `/api/runs${queryOf({ ...options })}`)) as RunPage,
    getRun: async (id) => ((await get('GET /api/runs/:id', `/api/runs/${segment(id)}`)) as { run: RunRecord }).run,
    compareRuns: async (baseId, headId) =>
      ((await get('GET /api/runs/compare', `/api/runs/compare${queryOf({ base: baseId, head: headId })}`)) as { comparison: RunComparison }).comparison,
    listProviders: async () => ((await get('GET /api/providers', '/api/providers')) as { providers: ProviderInfo[] }).providers,
    async verifyProvider(name, apiKey) {
      const plan = { what: 'POST /api/providers/:name/verify', method: 'POST', path: `/api/providers/${segment(name)}/verify`, body: apiKey === undefined ? {} : { api_key: apiKey } } as const;
      return ((await send({ ...plan, idempotent: true, timeoutMs })) as { verification: ProviderVerification }).verification;
    },
  };
}
