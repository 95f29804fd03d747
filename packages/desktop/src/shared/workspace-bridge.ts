/**
 * The workspace bridge: every named function the Sentinel workspace UI calls, with the backend
 * contract's types. Browser-safe and type-only apart from the method table, so the host (Node),
 * the preload and the renderer can all import it.
 *
 * Each function is a plain request/response call with JSON arguments and a JSON result, so both
 * adapters expose them generically from {@link WORKSPACE_BRIDGE_METHODS}: Electron as
 * `ipcRenderer.invoke('sentinel:<name>', ...args)`, browser mode as `POST /bridge/<name> { args }`.
 * A failure rejects with `{ code, message, status?, details? }` ({@link WorkspaceError}). The host
 * serves every name (src/host/methods/), the Electron preload exposes every name, and browser mode
 * routes every name: one table, so a function cannot be added in one place and forgotten in another.
 */
import type {
  DeletedLibraryFile,
  ProviderInfo,
  ProviderName,
  ProviderVerification,
  RunComparison,
  RunPage,
  RunRecord,
  StoredSuite,
  StoredTest,
  SuiteRun,
  SuiteRunComparison,
  SuiteRunEvent,
  SuiteRunPage,
  SuiteRunRequest,
  Template,
} from '@sentinel/backend/contract';
import type { HostEvent, HostSnapshot } from './types.js';
import type {
  Draft,
  DraftCheck,
  DraftSummary,
  DraftValidation,
  ExecuteRequest,
  ExportedJunit,
  ExportedYaml,
  ImportedItem,
  ImportRequest,
  LibraryFilter,
  RunQuery,
  SuiteInput,
  SuiteListing,
  SuiteRunQuery,
  TestInput,
  TestListing,
  WorkspaceSettings,
} from './workspace-types.js';

export * from './workspace-types.js';

/** Events the workspace UI receives: the host's, and the live events of the suite runs it watches. */
export type WorkspaceEvent = HostEvent | { readonly type: 'suite-run'; readonly event: SuiteRunEvent };

/** Every named function of the workspace UI. */
export interface WorkspaceBridge {
  getSnapshot(): Promise<HostSnapshot>;
  retryBackend(): Promise<void>;

  listTests(filter?: LibraryFilter): Promise<TestListing>;
  getTest(id: string): Promise<StoredTest>;
  createTest(input: TestInput, options?: { readonly id?: string }): Promise<StoredTest>;
  updateTest(id: string, input: TestInput, options?: { readonly revision?: string }): Promise<StoredTest>;
  deleteTest(id: string, options?: { readonly revision?: string }): Promise<DeletedLibraryFile>;
  exportTest(id: string): Promise<ExportedYaml>;

  listSuites(filter?: LibraryFilter): Promise<SuiteListing>;
  getSuite(id: string): Promise<StoredSuite>;
  createSuite(input: SuiteInput, options?: { readonly id?: string }): Promise<StoredSuite>;
  updateSuite(id: string, input: SuiteInput, options?: { readonly revision?: string }): Promise<StoredSuite>;
  deleteSuite(id: string, options?: { readonly revision?: string }): Promise<DeletedLibraryFile>;
  exportSuite(id: string): Promise<ExportedYaml>;

  importYaml(request: ImportRequest): Promise<ImportedItem>;
  listTemplates(): Promise<readonly Template[]>;
  validateDraft(check: DraftCheck): Promise<DraftValidation>;

  execute(request: ExecuteRequest): Promise<RunRecord>;
  listRuns(query?: RunQuery): Promise<RunPage>;
  getRun(id: string): Promise<RunRecord>;
  compareRuns(baseId: string, headId: string): Promise<RunComparison>;

  startSuiteRun(request: SuiteRunRequest): Promise<SuiteRun>;
  getSuiteRun(id: string): Promise<SuiteRun>;
  listSuiteRuns(query?: SuiteRunQuery): Promise<SuiteRunPage>;
  cancelSuiteRun(id: string): Promise<SuiteRun>;
  rerunFailed(id: string): Promise<SuiteRun>;
  compareSuiteRuns(baseId: string, headId: string): Promise<SuiteRunComparison>;
  /** The run's results as JUnit XML (a file to download). */
  exportSuiteRunJunit(id: string): Promise<ExportedJunit>;
  /** Start relaying this run's events as `{ type: 'suite-run' }` events (a `snapshot` first, and again after a backend restart). */
  watchSuiteRun(id: string): Promise<void>;
  unwatchSuiteRun(id: string): Promise<void>;

  listProviders(): Promise<readonly ProviderInfo[]>;
  /** Check a typed key, or the stored one when `key` is absent, with the provider's cheapest call. */
  verifyProviderKey(provider: ProviderName, key?: string): Promise<ProviderVerification>;

  getSettings(): Promise<WorkspaceSettings>;
  /** Verifies the key first; a refused key rejects with `details.field: 'key'` and is not stored. */
  saveProviderKey(provider: ProviderName, key: string): Promise<WorkspaceSettings>;
  removeProviderKey(provider: ProviderName): Promise<WorkspaceSettings>;
  /** A folder path, or null for the default. */
  setWorkspaceFolder(path: string | null): Promise<WorkspaceSettings>;

  saveDraft(key: string, draft: Draft): Promise<void>;
  loadDraft(key: string): Promise<Draft | null>;
  clearDraft(key: string): Promise<void>;
  listDrafts(): Promise<readonly DraftSummary[]>;

  onEvent(listener: (event: WorkspaceEvent) => void): () => void;
}

/** The workspace functions that are plain calls (everything but onEvent). */
export type WorkspaceMethod = Exclude<keyof WorkspaceBridge, 'onEvent'>;

/** The table both adapters expose generically; `satisfies` makes the compiler catch a missing name. */
const METHOD_TABLE = {
  getSnapshot: true,
  retryBackend: true,
  listTests: true,
  getTest: true,
  createTest: true,
  updateTest: true,
  deleteTest: true,
  exportTest: true,
  listSuites: true,
  getSuite: true,
  createSuite: true,
  updateSuite: true,
  deleteSuite: true,
  exportSuite: true,
  importYaml: true,
  listTemplates: true,
  validateDraft: true,
  execute: true,
  listRuns: true,
  getRun: true,
  compareRuns: true,
  startSuiteRun: true,
  getSuiteRun: true,
  listSuiteRuns: true,
  cancelSuiteRun: true,
  rerunFailed: true,
  compareSuiteRuns: true,
  exportSuiteRunJunit: true,
  watchSuiteRun: true,
  unwatchSuiteRun: true,
  listProviders: true,
  verifyProviderKey: true,
  getSettings: true,
  saveProviderKey: true,
  removeProviderKey: true,
  setWorkspaceFolder: true,
  saveDraft: true,
  loadDraft: true,
  clearDraft: true,
  listDrafts: true,
} as const satisfies Record<WorkspaceMethod, true>;

export const WORKSPACE_BRIDGE_METHODS = Object.keys(METHOD_TABLE) as readonly WorkspaceMethod[];

/** Whether `name` is one of the bridge's functions (own keys of the table only: never `constructor` or `__proto__`). */
export function isWorkspaceMethod(name: unknown): name is WorkspaceMethod {
  return typeof name === 'string' && Object.hasOwn(METHOD_TABLE, name);
}
