/**
 * The argument and result shapes of the workspace bridge's functions that the backend contract does
 * not already define (see ./workspace-bridge.ts). Browser-safe, types only.
 */
import type { BrokenLibraryFile, LibraryKind, ProviderName, RunFilter, StoredSuite, StoredTest, TestSpec, TestSuite } from '@sentinel/backend/contract';
import type { BridgeErrorBody, BridgeErrorDetails } from './types.js';

/** Extra fields of an error, JSON primitives only: `field`, `line`, `column`, `id`, `provider`, `path`... */
export type WorkspaceErrorDetails = BridgeErrorDetails;

/** An error crossing the bridge: the backend's code, HTTP status and message, and the details it names. */
export type WorkspaceError = BridgeErrorBody;

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

/** A suite run as JUnit XML (`GET /api/suite-runs/:id/junit`), for CI dashboards. */
export interface ExportedJunit {
  readonly id: string;
  /** e.g. `nightly-smoke-01a23397e6cc0000070b8fda.xml`: the name to save the download under. */
  readonly file_name: string;
  readonly xml: string;
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
export type DraftValidation =
  /** `notes`: what the backend would change or leave out when it runs (e.g. a parameter a model does not take). */
  | { readonly valid: true; readonly notes?: readonly string[] }
  | { readonly valid: false; readonly error: WorkspaceError };

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
