import { lstat, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { BackendError } from '../app/errors.js';
import type { StoredSuite, StoredTest } from '../contract/library.js';
import { TEMP_FILE_PATTERN } from './atomic-write.js';
import { relativeFile, type CollectionContext } from './context.js';
import { brokenEntry, entryFromBytes, type LibraryEntry } from './entries.js';
import { hasCode, readFailed } from './fs-errors.js';
import { deriveLibraryId, libraryIdProblem } from './ids.js';
import { mapLimited } from './map-limited.js';
import { readLibraryFile } from './read-file.js';
import { LIBRARY_FILE_EXTENSION } from './workspace.js';

/** Files read at once while listing a folder. */
const LIST_CONCURRENCY = 16;
/** A temp file older than this was left by a write that never finished (a crash): it is removed. */
export const STALE_TEMP_AGE_MS = 60_000;
/** An extension people use for YAML that the library does not read (it is listed, with how to fix it). */
const OTHER_YAML_EXTENSION = '.yml';

type Context<TItem extends StoredTest | StoredSuite> = CollectionContext<TItem, unknown>;

/**
 * The entry of the item with this (valid) id: from the cache while a fresh lstat() shows the file
 * unchanged, else read again. Undefined when there is no such file.
 */
export async function readEntry<TItem extends StoredTest | StoredSuite>(context: Context<TItem>, id: string): Promise<LibraryEntry<TItem> | undefined> {
  const { rules, workspace, cache } = context;
  const path = workspace.filePath(rules.kind, id);
  const place = { id, path: relativeFile(context, id) };
  const stats = await lstat(path, { bigint: true }).catch((error: unknown) => {
    if (hasCode(error, 'ENOENT')) return undefined;
    throw readFailed(path, error);
  });
  if (stats === undefined) {
    cache.forget(path);
    return undefined;
  }
  const cached = cache.lookup(path, stats);
  if (cached !== undefined) return cached;
  const readAtMs = Date.now();
  const outcome = await readLibraryFile(path).catch((error: unknown) => {
    throw readFailed(path, error);
  });
  if (outcome.state === 'missing') return undefined;
  if (outcome.state === 'refused') {
    return brokenEntry(rules, place, new BackendError('WORKSPACE_READ_FAILED', { message: `${place.path} ${outcome.problem}`, details: { path: place.path } }));
  }
  const entry = entryFromBytes(rules, context.validator, place, outcome.bytes, outcome.stats);
  cache.store(path, outcome.stats, readAtMs, entry);
  return entry;
}

async function removeIfStale(path: string): Promise<void> {
  const stats = await lstat(path).catch(() => undefined);
  if (stats !== undefined && stats.isFile() && Date.now() - stats.mtimeMs > STALE_TEMP_AGE_MS) await rm(path, { force: true }).catch(() => undefined);
}

/** The entry a folder entry's name makes: an item, a broken file (bad name, `.yml`), or nothing (other files, hidden files). */
async function entryForName<TItem extends StoredTest | StoredSuite>(context: Context<TItem>, folder: string, name: string): Promise<LibraryEntry<TItem> | undefined> {
  const { rules, workspace } = context;
  if (TEMP_FILE_PATTERN.test(name)) return removeIfStale(join(folder, name)).then(() => undefined);
  if (name.startsWith('.')) return undefined;
  const place = (id: string) => ({ id, path: workspace.relativePath(rules.kind, name) });
  if (name.endsWith(OTHER_YAML_EXTENSION)) {
    const stem = name.slice(0, -OTHER_YAML_EXTENSION.length);
    const message = `${place(stem).path}: the library reads only ${LIBRARY_FILE_EXTENSION} files; rename it to ${stem}${LIBRARY_FILE_EXTENSION}`;
    return brokenEntry(rules, place(stem), new BackendError('VALIDATION_ERROR', { message }));
  }
  if (!name.endsWith(LIBRARY_FILE_EXTENSION)) return undefined;
  const id = name.slice(0, -LIBRARY_FILE_EXTENSION.length);
  const problem = libraryIdProblem(id);
  if (problem === undefined) return readEntry(context, id);
  const suggestion = workspace.relativePath(rules.kind, `${deriveLibraryId(id, rules.kind)}${LIBRARY_FILE_EXTENSION}`);
  const message = `${place(id).path}: the file name is not a valid id (an id ${problem}); rename it, e.g. to ${suggestion}`;
  return brokenEntry(rules, place(id), new BackendError('VALIDATION_ERROR', { message, details: { field: 'id' } }));
}

/** Every entry of the kind's folder, in file-name order; cache entries of vanished files are dropped. */
export async function listEntries<TItem extends StoredTest | StoredSuite>(context: Context<TItem>): Promise<LibraryEntry<TItem>[]> {
  const folder = await context.workspace.folder(context.rules.kind, false);
  if (folder === undefined) return [];
  const names = (await readdir(folder).catch((error: unknown) => {
    throw readFailed(folder, error);
  })).sort();
  const entries = await mapLimited(names, LIST_CONCURRENCY, (name) => entryForName(context, folder, name));
  context.cache.retainOnly(new Set(names.map((name) => join(folder, name))));
  return entries.filter((entry) => entry !== undefined);
}
