import type { BigIntStats } from 'node:fs';
import { BackendError } from '../app/errors.js';
import type { BrokenLibraryFile, StoredSuite, StoredTest } from '../contract/library.js';
import { parseDocument } from './document.js';
import type { KindRules } from './kinds.js';
import { revisionOf } from './revision.js';
import type { LibraryValidator } from './validator.js';

/** What one workspace file is: a valid item, or a broken file with the reason. */
export type LibraryEntry<TItem> = { readonly item: TItem; readonly broken?: undefined } | { readonly broken: BrokenLibraryFile; readonly item?: undefined };

/** Where an entry's file is: its id and its path relative to the workspace. */
export interface EntryPlace {
  readonly id: string;
  readonly path: string;
}

const DETAIL_KEYS = ['field', 'line', 'column'] as const;

/** A broken file's entry from the error its content raised (or a file-level problem). */
export function brokenEntry(rules: KindRules<StoredTest | StoredSuite, unknown>, place: EntryPlace, error: BackendError, revision?: string): LibraryEntry<never> {
  const detail: Record<string, string | number> = {};
  for (const key of DETAIL_KEYS) {
    const value = error.details[key];
    if (typeof value === 'string' || typeof value === 'number') detail[key] = value;
  }
  const broken: BrokenLibraryFile = {
    id: place.id,
    kind: rules.kind,
    path: place.path,
    error: { code: error.code, message: error.message, ...detail },
    ...(revision === undefined ? {} : { revision }),
  };
  return { broken };
}

/** The error a broken file is answered with when asked for by id: its own, with the file's path. */
export function brokenError(broken: BrokenLibraryFile): BackendError {
  const { code, message, ...detail } = broken.error;
  return new BackendError(code as BackendError['code'], { message, details: { path: broken.path, ...detail } });
}

/** A file's mtime as an ISO string, from nanoseconds (truncated to the millisecond, with no float rounding). */
export function modifiedIso(stats: BigIntStats): string {
  return new Date(Number(stats.mtimeNs / 1_000_000n)).toISOString();
}

/** The entry a file's bytes make: parsed and checked, or broken with the line or field at fault. */
export function entryFromBytes<TItem extends StoredTest | StoredSuite, TContent>(
  rules: KindRules<TItem, TContent>,
  validator: LibraryValidator,
  place: EntryPlace,
  bytes: Buffer,
  stats: BigIntStats,
): LibraryEntry<TItem> {
  const revision = revisionOf(bytes);
  let content: TContent;
  try {
    content = parseDocument(rules, validator, bytes.toString('utf8'), place.path);
  } catch (error) {
    // Whatever the checker throws, one file never breaks a listing: a bug shows as that file's error.
    const reason = error instanceof BackendError ? error : new BackendError('INTERNAL_ERROR', { message: `${place.path} could not be checked: ${(error as Error).message}` });
    return brokenEntry(rules, place, reason, revision);
  }
  return { item: rules.makeItem({ ...place, updated_at: modifiedIso(stats), revision }, content) };
}
