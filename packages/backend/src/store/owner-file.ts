import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Name of the file naming the pid of the backend that holds the data directory. It is only a
 * label for the error message: the lock itself is SQLite's exclusive lock on the database,
 * which the kernel releases when its process dies, however it dies.
 */
export const OWNER_FILE_NAME = 'backend.pid';

/** Writes our pid (temp file + rename, so a reader never sees half a number). */
export function writeOwnerFile(dataDir: string, pid: number = process.pid): void {
  const path = join(dataDir, OWNER_FILE_NAME);
  const temp = `${path}.${pid}.tmp`;
  writeFileSync(temp, `${pid}\n`, { mode: 0o600 });
  renameSync(temp, path);
}

/** The pid named by the owner file, or null when there is none or it is not a pid. */
export function readOwnerPid(dataDir: string): number | null {
  try {
    const text = readFileSync(join(dataDir, OWNER_FILE_NAME), 'utf8').trim();
    return /^[1-9][0-9]{0,9}$/.test(text) ? Number(text) : null;
  } catch {
    return null;
  }
}

/** Removes the owner file if it still names us (a clean close); a file that cannot be removed is left (it is only a label). */
export function removeOwnerFile(dataDir: string, pid: number = process.pid): void {
  if (readOwnerPid(dataDir) !== pid) return;
  try {
    rmSync(join(dataDir, OWNER_FILE_NAME), { force: true });
  } catch {
    // A read-only directory: the next owner overwrites it.
  }
}
