import type { ProviderName, RunComparison, RunRecord, SuiteRun, SuiteRunComparison, TestSpec, TestSuite } from '@sentinel/backend/contract';
import type { HostSnapshot } from '../../../src/shared/types.js';
import type { Draft, DraftSummary, WorkspaceMethod, WorkspaceSettings } from '../../../src/shared/workspace-bridge.js';
import { PROVIDERS, runRecord, suiteRun, TEMPLATES } from './fixtures.js';
import { FakeError, FakeLibrary, parseYaml, validate } from './fake-library.js';

type Handler = (...args: never[]) => unknown;
type Envelope = { value: unknown } | { error: { code: string; message: string; status: number; details: Record<string, unknown> } };

/**
 * The host as the renderer tests give it to the page: every workspace function over fixture data
 * in memory (kept across page reloads, as the real host keeps drafts). Tests add data, make a
 * function fail or wait, and read which calls were made.
 */
export class FakeHost {
  readonly library = new FakeLibrary();
  readonly drafts = new Map<string, Draft>();
  readonly runs: RunRecord[] = [];
  readonly suiteRuns = new Map<string, SuiteRun>();
  readonly calls: { method: string; args: unknown[] }[] = [];
  readonly watched = new Set<string>();
  settings: WorkspaceSettings = {
    keys: [
      { provider: 'anthropic', configured: true, masked_key: 'sk-ant-…WXYZ' },
      { provider: 'openai', configured: false, masked_key: null },
    ],
    storage: 'plaintext-file',
    storage_label: 'Keys are kept in a file only you can read',
    workspace_dir: '/home/me/.config/Sentinel/workspace',
    workspace_is_default: true,
  };
  snapshot: HostSnapshot = { connection: { phase: 'connected', reconnected: false, startupMs: 120 }, settings: this.settings, logs: [], mode: 'browser' };
  /** What `execute` answers for a spec (default: a passing run). */
  executeResult: (spec: TestSpec, testId: string | null) => RunRecord = (spec, testId) => runRecord(spec, { test_id: testId });
  compareResult: RunComparison | undefined;
  suiteCompareResult: SuiteRunComparison | undefined;
  /** Valid keys for verifyProviderKey. */
  readonly goodKeys = new Set(['sk-ant-api03-good-key-1234', 'sk-proj-good-openai-key-9876']);
  readonly #overrides = new Map<string, () => Promise<unknown>>();

  /** Make `method`'s next calls run `behaviour` (reject, wait...) until `restore`. */
  override(method: WorkspaceMethod, behaviour: () => Promise<unknown>): void {
    this.#overrides.set(method, behaviour);
  }

  restore(method: WorkspaceMethod): void {
    this.#overrides.delete(method);
  }

  callsOf(method: WorkspaceMethod): unknown[][] {
    return this.calls.filter((call) => call.method === method).map((call) => call.args);
  }

  async call(method: string, args: unknown[]): Promise<Envelope> {
    this.calls.push({ method, args });
    try {
      const override = this.#overrides.get(method);
      const handler = (this.#handlers as Record<string, Handler | undefined>)[method];
      if (!override && !handler) throw new FakeError('DESKTOP_ERR_UNKNOWN_METHOD', `Unknown bridge function "${method}"`);
      const value = override ? await override() : await (handler as (...a: unknown[]) => unknown)(...args);
      return { value: value ?? null };
    } catch (error) {
      const coded = error as { code?: unknown; details?: Record<string, string | number | boolean | null> };
      const fake = error instanceof FakeError ? error : new FakeError(typeof coded.code === 'string' ? coded.code : 'DESKTOP_ERR_BACKEND', error instanceof Error ? error.message : String(error), coded.details ?? {}, 502);
      return { error: { code: fake.code, message: fake.message, status: fake.status, details: fake.details } };
    }
  }

  #keyView(provider: ProviderName, key: string | null): void {
    this.settings = { ...this.settings, keys: this.settings.keys.map((view) => (view.provider === provider ? { provider, configured: key !== null, masked_key: key ? `${key.slice(0, 7)}…${key.slice(-4)}` : null } : view)) };
  }

  readonly #handlers: Partial<Record<WorkspaceMethod, Handler>> = {
    getSnapshot: () => this.snapshot,
    retryBackend: () => undefined,
    listTests: (filter?: object) => ({ tests: this.library.list('test', filter), broken: this.library.broken.filter((file) => file.kind === 'test') }),
    listSuites: (filter?: object) => ({ suites: this.library.list('suite', filter), broken: this.library.broken.filter((file) => file.kind === 'suite') }),
    getTest: (id: string) => this.library.get('test', id),
    getSuite: (id: string) => this.library.get('suite', id),
    createTest: (input: object, options?: { id?: string }) => this.library.save('test', input, options?.id, undefined, true),
    createSuite: (input: object, options?: { id?: string }) => this.library.save('suite', input, options?.id, undefined, true),
    updateTest: (id: string, input: object, options?: { revision?: string }) => this.library.save('test', input, id, options?.revision, false),
    updateSuite: (id: string, input: object, options?: { revision?: string }) => this.library.save('suite', input, id, options?.revision, false),
    deleteTest: (id: string) => this.library.remove('test', id),
    deleteSuite: (id: string) => this.library.remove('suite', id),
    exportTest: (id: string) => exported(this.library.get('test', id)),
    exportSuite: (id: string) => exported(this.library.get('suite', id)),
    importYaml: (request: { file_name: string; yaml: string }) => {
      const value = parseYaml(request.yaml, request.file_name);
      const kind = typeof value === 'object' && value !== null && 'tests' in value ? 'suite' : 'test';
      return this.library.save(kind, { yaml: request.yaml }, undefined, undefined, true);
    },
    listTemplates: () => TEMPLATES,
    validateDraft: (check: { kind: 'test' | 'suite'; yaml: string }) => {
      try {
        validate(parseYaml(check.yaml, 'the draft'), check.kind);
        return { valid: true };
      } catch (error) {
        const fake = error as FakeError;
        return { valid: false, error: { code: fake.code, message: fake.message, details: fake.details } };
      }
    },
    execute: (request: { spec?: TestSpec; test_id?: string }) => {
      const spec = request.spec ?? (this.library.get('test', request.test_id as string) as { spec: TestSpec }).spec;
      const record = this.executeResult(spec, request.test_id ?? null);
      this.runs.unshift(record);
      return record;
    },
    listRuns: (query: Record<string, unknown> = {}) => {
      const runs = this.runs.filter((run) => (!query.test_id || run.test_id === query.test_id) && (!query.suite_run_id || run.suite_run_id === query.suite_run_id) && (!query.model || run.model === query.model) && (query.passed === undefined || run.success === query.passed));
      const start = query.cursor ? Number(query.cursor) : 0;
      const limit = typeof query.limit === 'number' ? query.limit : 50;
      const page = runs.slice(start, start + limit);
      return { runs: page, next_cursor: start + limit < runs.length ? String(start + limit) : null };
    },
    getRun: (id: string) => {
      const run = this.runs.find((item) => item.id === id);
      if (!run) throw new FakeError('RUN_NOT_FOUND', `No run with id ${id}`, { id }, 404);
      return run;
    },
    compareRuns: () => {
      if (!this.compareResult) throw new FakeError('COMPARE_MISMATCH', 'Only runs of the same test can be compared');
      return this.compareResult;
    },
    compareSuiteRuns: () => {
      if (!this.suiteCompareResult) throw new FakeError('COMPARE_MISMATCH', 'Only runs of the same suite can be compared');
      return this.suiteCompareResult;
    },
    getSuiteRun: (id: string) => {
      const run = this.suiteRuns.get(id);
      if (!run) throw new FakeError('SUITE_RUN_NOT_FOUND', `No suite run with id ${id}`, { id }, 404);
      return run;
    },
    listSuiteRuns: () => ({ suite_runs: [...this.suiteRuns.values()].map(({ cases: _cases, ...summary }) => summary), next_cursor: null }),
    startSuiteRun: (request: { suite_id?: string; suite?: TestSuite; concurrency?: number; cache?: boolean }) => {
      const suite = request.suite ?? (this.library.get('suite', request.suite_id as string) as { suite: TestSuite }).suite;
      const run = suiteRun(`sr${String(this.suiteRuns.size + 1).padStart(22, '0')}`, { id: request.suite_id ?? null, name: suite.name }, suite.tests.map((test, index) => test.name ?? `Test ${index + 1}`), { concurrency: request.concurrency ?? 4, cache: request.cache ?? false });
      this.suiteRuns.set(run.id, run);
      return run;
    },
    cancelSuiteRun: (id: string) => {
      const run = { ...(this.#handlers.getSuiteRun as (id: string) => SuiteRun)(id), status: 'cancelled' as const, finished_at: new Date().toISOString() };
      this.suiteRuns.set(id, run);
      return run;
    },
    rerunFailed: (id: string) => {
      const base = (this.#handlers.getSuiteRun as (id: string) => SuiteRun)(id);
      const names = base.cases.filter((item) => item.state === 'failed' || item.state === 'error').map((item) => item.name);
      const run = suiteRun(`sr${String(this.suiteRuns.size + 1).padStart(22, '0')}`, base.suite, names, { rerun_of: id });
      this.suiteRuns.set(run.id, run);
      return run;
    },
    watchSuiteRun: (id: string) => void this.watched.add(id),
    unwatchSuiteRun: (id: string) => void this.watched.delete(id),
    listProviders: () => PROVIDERS,
    verifyProviderKey: (provider: ProviderName, key?: string) => {
      const label = provider === 'anthropic' ? 'Anthropic' : 'OpenAI';
      if (key === undefined) return { provider, ok: true, message: `The ${label} key works`, upstream_status: 200 };
      return this.goodKeys.has(key) ? { provider, ok: true, message: `The ${label} key works`, upstream_status: 200 } : { provider, ok: false, message: `${label} refused the key: ${label} answered 401 authentication_error`, upstream_status: 401 };
    },
    getSettings: () => this.settings,
    saveProviderKey: (provider: ProviderName, key: string) => {
      // As the real host: the key is checked with the provider first, and a refused one is not stored.
      const verdict = (this.#handlers.verifyProviderKey as (p: ProviderName, k: string) => { ok: boolean; message: string })(provider, key);
      if (!verdict.ok) throw new FakeError('DESKTOP_ERR_KEY_REJECTED', `${verdict.message}. The ${provider === 'openai' ? 'OpenAI' : 'Anthropic'} key was not saved.`, { field: 'key', provider });
      this.#keyView(provider, key);
      return this.settings;
    },
    removeProviderKey: (provider: ProviderName) => {
      this.#keyView(provider, null);
      return this.settings;
    },
    setWorkspaceFolder: (path: string | null) => {
      if (path !== null && !path.startsWith('/')) throw new FakeError('DESKTOP_ERR_INVALID_INPUT', 'The workspace folder must be an absolute path', { field: 'workspace_dir' });
      this.settings = { ...this.settings, workspace_dir: path ?? '/home/me/.config/Sentinel/workspace', workspace_is_default: path === null };
      return this.settings;
    },
    saveDraft: (key: string, draft: Draft) => void this.drafts.set(key, draft),
    loadDraft: (key: string) => this.drafts.get(key) ?? null,
    clearDraft: (key: string) => void this.drafts.delete(key),
    listDrafts: (): DraftSummary[] => [...this.drafts.entries()].map(([key, draft]) => ({ key, kind: draft.kind, id: draft.id, name: /^name: (.*)$/m.exec(draft.yaml)?.[1] ?? null, saved_at: draft.saved_at })),
  };
}

function exported(item: { id: string; yaml: string; revision: string }): { id: string; file_name: string; yaml: string; revision: string } {
  return { id: item.id, file_name: `${item.id}.yaml`, yaml: item.yaml, revision: item.revision };
}
