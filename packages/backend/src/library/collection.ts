import { BackendError } from '../app/errors.js';
import type { BrokenLibraryFile, DeletedLibraryFile, StoredSuite, StoredTest } from '../contract/library.js';
import { notFoundError, relativeFile, type CollectionContext } from './context.js';
import type { LibraryInput } from './document.js';
import { brokenError } from './entries.js';
import { byName, matchesFilter, type LibraryFilter } from './filters.js';
import { readFailed } from './fs-errors.js';
import { listEntries, readEntry } from './read-entries.js';
import { readLibraryFile } from './read-file.js';
import { revisionOf } from './revision.js';
import { checkedId, createItem, removeItem, updateItem } from './write-items.js';
import { LIBRARY_FILE_EXTENSION } from './workspace.js';

/** A listing: the valid items that match, and every broken file (never hidden by a filter). */
export interface LibraryListing<TItem> {
  readonly items: TItem[];
  readonly broken: BrokenLibraryFile[];
}

/** An item's file as it is on disk, for export (valid or not). */
export interface ExportedFile {
  readonly id: string;
  /** Relative to the workspace. */
  readonly path: string;
  /** The file name a download should get, e.g. `capital.yaml`. */
  readonly fileName: string;
  readonly bytes: Buffer;
  readonly revision: string;
}

/** What the routes use of a collection, whatever its kind. */
export interface ItemCollection<TItem extends StoredTest | StoredSuite> {
  list(filter?: LibraryFilter): Promise<LibraryListing<TItem>>;
  get(id: string): Promise<TItem>;
  export(id: string): Promise<ExportedFile>;
  create(input: LibraryInput, id?: string): Promise<TItem>;
  update(id: string, input: LibraryInput, revision?: string): Promise<TItem>;
  remove(id: string, revision?: string): Promise<DeletedLibraryFile>;
}

/**
 * The tests (or the suites) of the workspace, one YAML file each. Every read looks at the folder
 * again (stat-cached), so files edited, added or removed outside the app are seen at once.
 */
export class LibraryCollection<TItem extends StoredTest | StoredSuite, TContent> implements ItemCollection<TItem> {
  readonly #context: CollectionContext<TItem, TContent>;

  constructor(context: CollectionContext<TItem, TContent>) {
    this.#context = context;
  }

  /** Valid items matching `filter`, by name; broken files, by id. */
  async list(filter: LibraryFilter = {}): Promise<LibraryListing<TItem>> {
    const { rules } = this.#context;
    const entries = await listEntries(this.#context);
    const items = entries.flatMap((entry) => (entry.item !== undefined && matchesFilter(rules, rules.contentOf(entry.item), filter) ? [entry.item] : []));
    const broken = entries.flatMap((entry) => (entry.broken === undefined ? [] : [entry.broken]));
    return { items: items.sort(byName(rules)), broken };
  }

  /**
   * One item by id.
   * @throws BackendError TEST_NOT_FOUND / SUITE_NOT_FOUND; for a broken file, its own error (INVALID_YAML with line and column, ...) with its `path`
   */
  async get(id: string): Promise<TItem> {
    const { rules, workspace } = this.#context;
    checkedId(id);
    await workspace.folder(rules.kind, false);
    const entry = await readEntry(this.#context, id);
    if (entry === undefined) throw notFoundError(this.#context, id);
    if (entry.broken !== undefined) throw brokenError(entry.broken);
    return entry.item;
  }

  /** The file exactly as it is (also when it does not parse, so it can be fixed). */
  async export(id: string): Promise<ExportedFile> {
    const { rules, workspace } = this.#context;
    checkedId(id);
    await workspace.folder(rules.kind, false);
    const file = workspace.filePath(rules.kind, id);
    const path = relativeFile(this.#context, id);
    const outcome = await readLibraryFile(file).catch((error: unknown) => {
      throw readFailed(file, error);
    });
    if (outcome.state === 'missing') throw notFoundError(this.#context, id);
    if (outcome.state === 'refused') throw new BackendError('WORKSPACE_READ_FAILED', { message: `${path} ${outcome.problem}`, details: { path } });
    return { id, path, fileName: `${id}${LIBRARY_FILE_EXTENSION}`, bytes: outcome.bytes, revision: revisionOf(outcome.bytes) };
  }

  /** Stores a new item: under `id`, or one derived from its name. */
  create(input: LibraryInput, id?: string): Promise<TItem> {
    return createItem(this.#context, input, id);
  }

  /** Replaces an item; with `revision`, only if its file still has that revision. */
  update(id: string, input: LibraryInput, revision?: string): Promise<TItem> {
    return updateItem(this.#context, id, input, revision);
  }

  /** Deletes an item; with `revision`, only if its file still has that revision. */
  remove(id: string, revision?: string): Promise<DeletedLibraryFile> {
    return removeItem(this.#context, id, revision);
  }
}
