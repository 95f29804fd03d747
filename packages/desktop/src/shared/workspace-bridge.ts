/**
 * The workspace bridge: every named function the Sentinel workspace UI calls, with the backend
 * contract's types. Browser-safe and type-only apart from the method table, so the host (Node),
 * the preload and the renderer can all import it.
 *
 * Each function is a plain request/response call with JSON arguments and a JSON result, so both
 * adapters expose them generically from {@link WORKSPACE_BRIDGE_METHODS}: Electron as
 * `ipcRenderer.invoke('sentinel:<name>', ...args)`, browser mode as `POST /bridge/<name> { args }`.
 * A failure rejects with `{ code, message, status?, details? }` ({@link WorkspaceError}).
 */
import type {
  BrokenLibraryFile,
  DeletedLibraryFile,
  LibraryKind,
  ProviderInfo,
  ProviderName,
  ProviderVerification,
  RunComparison,
  RunFilter,
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
  TestSpec,
  TestSuite,
} from '@sentinel/backend/contract';
import type { BridgeErrorBody, HostEvent, HostSnapshot } from './types.js';

/** Extra fields of an error, JSON primitives only: `field`, `line`, `column`, `id`, `provider`, `path`... */
export type WorkspaceErrorDetails = Readonly<Record<string, string | number | boolean | null>>;

/** An error crossing the bridge: the backend's code and message, and the details it names. */
export interface WorkspaceError extends BridgeErrorBody {
  /** The backend's HTTP status when the error is the backend's answer (400, 404, 409...). */
  readonly status?: number;
  /** e.g. `{ field: 'assertions[0].regex' }`, `{ line: 4, column: 10 }`, `{ id, revision }`. */
  readonly details?: WorkspaceErrorDetails;
}

/** Filters of a library listing (`GET /api/tests?tag=&category=&q=`); all optional, combined with AND. */
export interface LibraryFilter {
  readonly tag?: string;
  readonly category?: string;
  /** The name contains it (case-insensitive). */
  readonly q?: string;
}

/** `GET /api/tests`: valid tests sorted by name, and every broken file (never filtered out). */
export interface TestListing {
  readonly tests: readonly StoredTest[];
  readonly broken: readonly BrokenLibraryFile[];
}

/** `GET /api/suites`. */
export interface SuiteListing {
  readonly suites: readonly StoredSuite[];
  readonly broken: readonly BrokenLibraryFile[];
}

/** What a create or update stores: YAML text (kept byte for byte) or a value (written as tidy YAML). */
export type TestInput = { readonly yaml: string } | { readonly spec: TestSpec };
export type SuiteInput = { readonly yaml: string } | { readonly suite: TestSuite };

/** An item's file as `GET /api/<kind>/:id?format=yaml` answers it. */
export interface ExportedYaml {
  readonly id: string;
  /** e.g. `capital.yaml`: the name to save the download under. */
  readonly file_name: string;
  /** The file's bytes as text, exactly (a broken file's too). */
  readonly yaml: string;
  readonly revision: string;
}

/** One YAML file the user imported (file picker or drag-and-drop). */
export interface ImportRequest {
  /** The file's name, for messages ("contacts.yaml line 4, column 10: ...") and the default id. */
  readonly file_name: string;
  readonly yaml: string;
}

/** An imported file: a test or a suite, whichever its YAML holds. */
export type ImportedItem = StoredTest | StoredSuite;

/** A draft to check without saving: the backend parses and validates it as a save would. */
export interface DraftCheck {
  readonly kind: LibraryKind;
  readonly yaml: string;
}

/** The verdict on a draft: valid, or the first problem with the field or line it names. */
export type DraftValidation = { readonly valid: true } | { readonly valid: false; readonly error: WorkspaceError };

/** Run one test: a library test by id (its saved spec), or a spec (e.g. the editor's draft) optionally tied to a library test. */
export type ExecuteRequest = { readonly test_id: string } | { readonly spec: TestSpec; readonly test_id?: string };

/** `GET /api/runs` filters plus paging. */
export interface RunQuery extends RunFilter {
  /** Runs per page, 1-200. @default 50 */
  readonly limit?: number;
  /** `next_cursor` of the previous page. */
  readonly cursor?: string;
}

/** `GET /api/suite-runs` paging, optionally only the runs of one library suite. */
export interface SuiteRunQuery {
  readonly suite_id?: string;
  /** @default 20 */
  readonly limit?: number;
  readonly cursor?: string;
}

/** A provider key as the renderer may see it: never the key itself. */
export interface ProviderKeyView {
  readonly provider: ProviderName;
  readonly configured: boolean;
  /** e.g. `sk-ant-…3f9a`, or null when no key is stored. */
  readonly masked_key: string | null;
}

/** What the Settings view shows. */
export interface WorkspaceSettings {
  readonly keys: readonly ProviderKeyView[];
  /** 'encrypted' with Electron safeStorage; 'plaintext-file' in browser mode (a 0600 file). */
  readonly storage: 'encrypted' | 'plaintext-file';
  /** A sentence saying where keys are kept. */
  readonly storage_label: string;
  /** The workspace folder the library reads and writes. */
  readonly workspace_dir: string;
  /** True when it is the default `<data dir>/workspace`. */
  readonly workspace_is_default: boolean;
}

/** Unsaved editor text, kept by the host (a file in the data directory) so a crash, reload or quit never loses it. */
export interface Draft {
  readonly kind: LibraryKind;
  /** The library id it edits, or null for a new test or suite. */
  readonly id: string | null;
  /** The revision the editor loaded (for a conditional save), or null. */
  readonly revision: string | null;
  /** The editor's text, as YAML (the form writes it too). */
  readonly yaml: string;
  /** When the renderer saved it (ISO 8601). */
  readonly saved_at: string;
}

/** A draft as `listDrafts` names it. */
export interface DraftSummary {
  readonly key: string;
  readonly kind: LibraryKind;
  readonly id: string | null;
  /** The draft's `name:` if its YAML has one. */
  readonly name: string | null;
  readonly saved_at: string;
}

/** A draft key: `test:<id>`, `suite:<id>`, `new-test:<random>`, `new-suite:<random>`. */
export const DRAFT_KEY_PATTERN = '^(test|suite|new-test|new-suite):[a-z0-9][a-z0-9._-]{0,99}$';

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
