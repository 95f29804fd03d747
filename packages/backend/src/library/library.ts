import type { StoredSuite, StoredTest, Template } from '../contract/library.js';
import type { TestSpec, TestSuite } from '../contract/spec.js';
import { LibraryCollection, type ItemCollection } from './collection.js';
import type { LibraryEntry } from './entries.js';
import { KeyedLock } from './keyed-lock.js';
import { SUITE_RULES, TEST_RULES } from './kinds.js';
import { StatCache } from './stat-cache.js';
import { loadTemplates } from './templates.js';
import type { LibraryValidator } from './validator.js';
import { Workspace } from './workspace.js';

/** Options of {@link createLibrary}. */
export interface LibraryOptions {
  /** The workspace folder holding `tests/` and `suites/` (created on the first save). */
  readonly workspaceDir: string;
  /** Parses and checks YAML documents, tests and suites (the spec module's functions). */
  readonly validator: LibraryValidator;
}

/** The library: the workspace's tests and suites, and the starter templates. */
export interface Library {
  /** Absolute path of the workspace folder. */
  readonly workspaceDir: string;
  readonly tests: ItemCollection<StoredTest>;
  readonly suites: ItemCollection<StoredSuite>;
  /** The starter templates (read and checked once, then kept). */
  templates(): Promise<Template[]>;
}

/** Opens the library over a workspace folder. Nothing is read or created until it is used. */
export function createLibrary(options: LibraryOptions): Library {
  const workspace = new Workspace(options.workspaceDir);
  const locks = new KeyedLock();
  const { validator } = options;
  let templates: Promise<Template[]> | undefined;
  return {
    workspaceDir: workspace.root,
    tests: new LibraryCollection<StoredTest, TestSpec>({ rules: TEST_RULES, validator, workspace, locks, cache: new StatCache<LibraryEntry<StoredTest>>() }),
    suites: new LibraryCollection<StoredSuite, TestSuite>({ rules: SUITE_RULES, validator, workspace, locks, cache: new StatCache<LibraryEntry<StoredSuite>>() }),
    templates: () => {
      templates ??= loadTemplates(validator).catch((error: unknown) => {
        templates = undefined;
        throw error;
      });
      return templates;
    },
  };
}
