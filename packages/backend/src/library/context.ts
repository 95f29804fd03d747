import { BackendError } from '../app/errors.js';
import type { StoredSuite, StoredTest } from '../contract/library.js';
import type { LibraryEntry } from './entries.js';
import type { KeyedLock } from './keyed-lock.js';
import type { KindRules } from './kinds.js';
import type { StatCache } from './stat-cache.js';
import type { LibraryValidator } from './validator.js';
import { LIBRARY_FILE_EXTENSION, type Workspace } from './workspace.js';

/** Everything the read and write operations of one kind's collection share. */
export interface CollectionContext<TItem extends StoredTest | StoredSuite, TContent> {
  readonly rules: KindRules<TItem, TContent>;
  readonly validator: LibraryValidator;
  readonly workspace: Workspace;
  readonly cache: StatCache<LibraryEntry<TItem>>;
  /** Shared by both kinds; keyed by absolute file path. */
  readonly locks: KeyedLock;
}

/** An item's file, relative to the workspace: `tests/<id>.yaml`. */
export function relativeFile<TItem extends StoredTest | StoredSuite>(context: CollectionContext<TItem, unknown>, id: string): string {
  return context.workspace.relativePath(context.rules.kind, `${id}${LIBRARY_FILE_EXTENSION}`);
}

/** TEST_NOT_FOUND / SUITE_NOT_FOUND for an id. */
export function notFoundError<TItem extends StoredTest | StoredSuite>(context: CollectionContext<TItem, unknown>, id: string): BackendError {
  return new BackendError(context.rules.notFound, { message: `${relativeFile(context, id)} does not exist`, details: { id } });
}
