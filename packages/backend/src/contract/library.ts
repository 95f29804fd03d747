import type { TestSpec, TestSuite } from './spec.js';

/** What the library holds: tests and suites, each one YAML file of the workspace. */
export type LibraryKind = 'test' | 'suite';

/** A library item's id: its file name without `.yaml`. */
export const LIBRARY_ID_PATTERN = '^[a-z0-9][a-z0-9._-]{0,99}$';

/** A test of the library. */
export interface StoredTest {
  readonly id: string;
  readonly kind: 'test';
  /** Path of its file, relative to the workspace folder. */
  readonly path: string;
  readonly spec: TestSpec;
  readonly updated_at: string;
  /** Changes whenever the file changes (a hash of its bytes): send it back to avoid overwriting another edit. */
  readonly revision: string;
}

/** A suite of the library. */
export interface StoredSuite {
  readonly id: string;
  readonly kind: 'suite';
  readonly path: string;
  readonly suite: TestSuite;
  readonly updated_at: string;
  readonly revision: string;
}

/** A workspace file that does not hold a valid test or suite (edited by hand): listed, not hidden. */
export interface BrokenLibraryFile {
  readonly id: string;
  readonly kind: LibraryKind;
  readonly path: string;
  readonly error: { readonly code: string; readonly message: string; readonly field?: string; readonly line?: number; readonly column?: number };
  /** The revision of its bytes when they could be read (absent for a link, a folder, a file too large). */
  readonly revision?: string;
}

/** What `DELETE /api/tests/:id` (or `/api/suites/:id`) removed: enough to undo it by posting `yaml` back with the same id. */
export interface DeletedLibraryFile {
  readonly id: string;
  readonly kind: LibraryKind;
  readonly path: string;
  /** The revision the file had. */
  readonly revision: string;
  /** The file's text, exactly as it was. */
  readonly yaml: string;
}

/** A starter template shipped with the app. */
export interface Template {
  readonly id: string;
  readonly kind: LibraryKind;
  readonly name: string;
  readonly description: string;
  readonly category: string;
  /** The template's YAML text, ready to save as a new test or suite. */
  readonly yaml: string;
}

/** `GET /api/tests`: the tests matching the filters, and every broken test file. */
export interface TestListing {
  readonly tests: readonly StoredTest[];
  readonly broken: readonly BrokenLibraryFile[];
}

/** `GET /api/suites`: the suites matching the filters, and every broken suite file. */
export interface SuiteListing {
  readonly suites: readonly StoredSuite[];
  readonly broken: readonly BrokenLibraryFile[];
}
