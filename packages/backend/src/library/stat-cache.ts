import type { BigIntStats } from 'node:fs';

/**
 * A file changed this close to (or after) the moment it was read is not trusted from the cache:
 * timestamps are coarse (a few ms on Linux, 1 s on HFS+, 2 s on FAT), so an edit landing in the
 * same tick as the read could leave every stat field unchanged. Such files are simply re-read.
 */
export const RACY_WINDOW_MS = 2_000;

interface CacheEntry<T> {
  readonly signature: string;
  readonly changedMs: number;
  readonly readAtMs: number;
  readonly value: T;
}

/** What identifies one version of a file without reading it: inode, size, mtime and ctime in ns. */
function signatureOf(stats: BigIntStats): string {
  return `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}`;
}

function changedMsOf(stats: BigIntStats): number {
  return Number((stats.mtimeNs > stats.ctimeNs ? stats.mtimeNs : stats.ctimeNs) / 1_000_000n);
}

/**
 * What was made of each file (its parsed item), reused while a fresh lstat() shows the very same
 * file: same inode, size, mtime and ctime, last changed well before it was read. Any edit from
 * outside the app - in place, by rename, by a git checkout - changes one of them.
 */
export class StatCache<T> {
  readonly #entries = new Map<string, CacheEntry<T>>();

  /** The value stored for `path` if `stats` (a fresh lstat) still describe the file it was made from. */
  lookup(path: string, stats: BigIntStats): T | undefined {
    const entry = this.#entries.get(path);
    if (entry === undefined || entry.signature !== signatureOf(stats)) return undefined;
    return entry.changedMs < entry.readAtMs - RACY_WINDOW_MS ? entry.value : undefined;
  }

  /** Remembers a value made from the file whose stats (taken before reading) are given, read at `readAtMs`. */
  store(path: string, stats: BigIntStats, readAtMs: number, value: T): void {
    this.#entries.set(path, { signature: signatureOf(stats), changedMs: changedMsOf(stats), readAtMs, value });
  }

  forget(path: string): void {
    this.#entries.delete(path);
  }

  /** Drops entries of files no longer present. */
  retainOnly(paths: ReadonlySet<string>): void {
    for (const path of this.#entries.keys()) if (!paths.has(path)) this.#entries.delete(path);
  }
}
