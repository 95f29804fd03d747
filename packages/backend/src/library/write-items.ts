import { lstat, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { BackendError, validationError } from '../app/errors.js';
import type { DeletedLibraryFile, StoredSuite, StoredTest } from '../contract/library.js';
import { fsyncFolder, writeFileAtomic } from './atomic-write.js';
import { notFoundError, relativeFile, type CollectionContext } from './context.js';
import { prepareDocument, type LibraryInput } from './document.js';
import { modifiedIso } from './entries.js';
import { hasCode, readFailed, writeFailed } from './fs-errors.js';
import { candidateId, deriveLibraryId, libraryIdProblem } from './ids.js';
import { readLibraryFile, type FileRead } from './read-file.js';
import { revisionOf } from './revision.js';

/** How many `-2`, `-3`, ... suffixes are tried for a derived id before giving up. */
const MAX_DERIVED_ID_ATTEMPTS = 1_000;

/** A checked id, or VALIDATION_ERROR naming `id`. */
export function checkedId(id: string): string {
  const problem = libraryIdProblem(id);
  if (problem !== undefined) throw validationError('id', problem);
  return id;
}

/** When the file at `path` was last modified: read right after writing it, under its lock. */
async function modifiedAt(path: string): Promise<string> {
  const stats = await lstat(path, { bigint: true }).catch((error: unknown) => {
    throw readFailed(path, error);
  });
  return modifiedIso(stats);
}

function itemOf<TItem extends StoredTest | StoredSuite, TContent>(context: CollectionContext<TItem, TContent>, id: string, content: TContent, bytes: Buffer, updatedAt: string): TItem {
  return context.rules.makeItem({ id, path: relativeFile(context, id), updated_at: updatedAt, revision: revisionOf(bytes) }, content);
}

/** Writes a new file for `id`: its mtime, or undefined when one exists already (whatever is in it, even a broken file). */
async function writeNew<TItem extends StoredTest | StoredSuite>(context: CollectionContext<TItem, unknown>, id: string, bytes: Buffer): Promise<string | undefined> {
  const path = context.workspace.filePath(context.rules.kind, id);
  return context.locks.run(path, async () => {
    const existing = await lstat(path).catch((error: unknown) => (hasCode(error, 'ENOENT') ? undefined : Promise.reject(readFailed(path, error))));
    if (existing !== undefined) return undefined;
    try {
      await writeFileAtomic(path, bytes, { exclusive: true });
    } catch (error) {
      if (hasCode(error, 'EEXIST')) return undefined;
      throw writeFailed(path, error);
    }
    context.cache.forget(path);
    return modifiedAt(path);
  });
}

/**
 * Stores a new item under `id`, or under an id derived from its name (`-2`, `-3`, ... while taken).
 * @throws BackendError ALREADY_EXISTS (explicit id taken), VALIDATION_ERROR, INVALID_YAML, WORKSPACE_WRITE_FAILED
 */
export async function createItem<TItem extends StoredTest | StoredSuite, TContent>(context: CollectionContext<TItem, TContent>, input: LibraryInput, id?: string): Promise<TItem> {
  const explicit = id === undefined ? undefined : checkedId(id);
  const { content, bytes } = prepareDocument(context.rules, context.validator, input);
  await context.workspace.folder(context.rules.kind, true);
  if (explicit !== undefined) {
    const updatedAt = await writeNew(context, explicit, bytes);
    if (updatedAt === undefined) throw new BackendError('ALREADY_EXISTS', { message: `${relativeFile(context, explicit)} already exists`, details: { id: explicit } });
    return itemOf(context, explicit, content, bytes, updatedAt);
  }
  const base = deriveLibraryId(context.rules.nameOf(content), context.rules.kind);
  for (let attempt = 1; attempt <= MAX_DERIVED_ID_ATTEMPTS; attempt += 1) {
    const candidate = candidateId(base, attempt);
    const updatedAt = await writeNew(context, candidate, bytes);
    if (updatedAt !== undefined) return itemOf(context, candidate, content, bytes, updatedAt);
  }
  throw validationError('id', `could not be derived from the name: ${base} and its first ${MAX_DERIVED_ID_ATTEMPTS} numbered variants are taken; give an id`);
}

/**
 * The current file of an existing item, read under its lock, after the revision check.
 * @throws BackendError TEST_NOT_FOUND / SUITE_NOT_FOUND, REVISION_CONFLICT, WORKSPACE_WRITE_FAILED for a link or folder
 */
async function currentFile<TItem extends StoredTest | StoredSuite>(context: CollectionContext<TItem, unknown>, id: string, revision: string | undefined): Promise<FileRead> {
  const path = context.workspace.filePath(context.rules.kind, id);
  const outcome = await readLibraryFile(path).catch((error: unknown) => {
    throw readFailed(path, error);
  });
  if (outcome.state === 'missing') throw notFoundError(context, id);
  if (outcome.state === 'refused') {
    throw new BackendError('WORKSPACE_WRITE_FAILED', { message: `${relativeFile(context, id)} ${outcome.problem}; it is left as it is: change it outside the app`, details: { path } });
  }
  const current = revisionOf(outcome.bytes);
  if (revision !== undefined && revision !== current) {
    throw new BackendError('REVISION_CONFLICT', { message: `${relativeFile(context, id)} changed since revision ${revision} was read: reload it before saving`, details: { id, revision: current } });
  }
  return outcome;
}

/**
 * Replaces an existing item's file (keeping its permission bits). With `revision`, only if the
 * file still has it; without, the last write wins.
 */
export async function updateItem<TItem extends StoredTest | StoredSuite, TContent>(context: CollectionContext<TItem, TContent>, id: string, input: LibraryInput, revision?: string): Promise<TItem> {
  checkedId(id);
  const { content, bytes } = prepareDocument(context.rules, context.validator, input);
  const path = context.workspace.filePath(context.rules.kind, id);
  await context.workspace.folder(context.rules.kind, false);
  return context.locks.run(path, async () => {
    const current = await currentFile(context, id, revision);
    await writeFileAtomic(path, bytes, { mode: Number(current.stats.mode) & 0o777 }).catch((error: unknown) => {
      throw writeFailed(path, error);
    });
    context.cache.forget(path);
    return itemOf(context, id, content, bytes, await modifiedAt(path));
  });
}

/** Deletes an item's file (with `revision`, only if it still has it) and returns its text for an undo. */
export async function removeItem<TItem extends StoredTest | StoredSuite>(context: CollectionContext<TItem, unknown>, id: string, revision?: string): Promise<DeletedLibraryFile> {
  checkedId(id);
  const path = context.workspace.filePath(context.rules.kind, id);
  await context.workspace.folder(context.rules.kind, false);
  return context.locks.run(path, async () => {
    const current = await currentFile(context, id, revision);
    try {
      await unlink(path);
      await fsyncFolder(dirname(path));
    } catch (error) {
      throw writeFailed(path, error);
    }
    context.cache.forget(path);
    return { id, kind: context.rules.kind, path: relativeFile(context, id), revision: revisionOf(current.bytes), yaml: current.bytes.toString('utf8') };
  });
}
