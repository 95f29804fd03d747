import { randomBytes } from 'node:crypto';
import { chmod, mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Write a file so that a reader (or the next launch after a crash or a power cut) sees the old
 * bytes or the new ones, never a part: a temp file in the same folder (created exclusively, mode
 * `mode`), fsynced, renamed over the target, then the folder fsynced so the rename itself is kept
 * (skipped on Windows, where a folder cannot be opened for it). A failed write removes its temp file.
 */
export async function writeFileAtomic(path: string, bytes: string | Uint8Array, mode = 0o600): Promise<void> {
  const folder = dirname(path);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const temp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const file = await open(temp, 'wx', mode);
    try {
      await file.writeFile(bytes);
      await file.sync();
    } finally {
      await file.close();
    }
    await chmod(temp, mode); // the umask may have narrowed or (0o600 aside) widened it
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  if (process.platform !== 'win32') {
    const dir = await open(folder, 'r');
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
  }
}
