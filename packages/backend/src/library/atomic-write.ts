import { randomBytes } from 'node:crypto';
import { link, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Temp files are `.<name>.<12 hex>.tmp` beside their target: hidden, and never taken for a library file. */
export const TEMP_FILE_PATTERN = /^\..+\.[0-9a-f]{12}\.tmp$/;

function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Codes of `link()` failing because the file system has no hard links (FAT, some network shares). */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);

/** Flushes a folder's entries (the rename) to disk. Windows cannot open folders for that; it is skipped there. */
export async function fsyncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Puts the finished temp file in place. Exclusive: `link()` fails with EEXIST if the target exists,
 * even if another process creates it at the same moment; where there are no hard links, falls back
 * to the caller's check (made under its lock) and a rename.
 */
async function place(temp: string, target: string, exclusive: boolean): Promise<void> {
  if (!exclusive) return rename(temp, target);
  try {
    await link(temp, target);
  } catch (error) {
    if (!NO_HARD_LINKS.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
    return rename(temp, target);
  }
  await rm(temp, { force: true });
}

/** Options of {@link writeFileAtomic}. */
export interface AtomicWriteOptions {
  /** Fail with EEXIST instead of replacing an existing file. @default false */
  readonly exclusive?: boolean;
  /** Permission bits of the new file (before the umask). @default 0o644 */
  readonly mode?: number;
}

/**
 * Writes a file so that readers (and a crash at any moment) see the old bytes or the new ones,
 * never a part: a temp file in the same folder, written and fsynced, renamed over the target (or
 * hard-linked for an exclusive create), then the folder fsynced so the rename survives a power cut.
 * The temp file is removed if anything fails. Errors are the file system's (`code` set).
 */
export async function writeFileAtomic(target: string, bytes: Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const temp = tempPathFor(target);
  try {
    const handle = await open(temp, 'wx', options.mode ?? 0o644);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await place(temp, target, options.exclusive ?? false);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await fsyncFolder(dirname(target));
}
