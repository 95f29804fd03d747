import { constants, type BigIntStats } from 'node:fs';
import { lstat, open, type FileHandle } from 'node:fs/promises';

/** Largest library file read: as large as a request body may be, so whatever was saved can be read back. */
export const MAX_LIBRARY_FILE_BYTES = 1024 * 1024;

// O_NOFOLLOW: a symbolic link is never followed out of the workspace. O_NONBLOCK: a FIFO named
// `x.yaml` cannot hang the open. Both are 0 (absent) on Windows, where lstat() has already checked.
const READ_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);
const TOO_LARGE = `is larger than ${MAX_LIBRARY_FILE_BYTES} bytes`;

/** One library file as read: its bytes and the stats of the very file they came from. */
export interface FileRead {
  readonly state: 'read';
  readonly bytes: Buffer;
  readonly stats: BigIntStats;
}

/** A file that exists but is not read: the reason, said for a person. */
export interface FileRefused {
  readonly state: 'refused';
  readonly problem: string;
  /** Set when the file is a regular one (too large, say), so it may still be replaced. */
  readonly stats?: BigIntStats;
}

export type FileOutcome = FileRead | FileRefused | { readonly state: 'missing' };

function refusal(error: NodeJS.ErrnoException): FileOutcome {
  switch (error.code) {
    case 'ENOENT':
      return { state: 'missing' };
    case 'ELOOP':
    case 'EMLINK':
      return { state: 'refused', problem: 'is a symbolic link: the library does not follow links, which could lead out of the workspace' };
    case 'EACCES':
    case 'EPERM':
      return { state: 'refused', problem: 'cannot be read: permission denied' };
    case 'EISDIR':
      return { state: 'refused', problem: 'is a folder, not a file' };
    default:
      throw error;
  }
}

/**
 * The whole file, or undefined when it holds more than `limit` bytes (it may have grown since it
 * was measured). Reads from position 0 into a buffer sized from `sizeHint`, grown if needed.
 */
async function readAtMost(handle: FileHandle, sizeHint: number, limit: number): Promise<Buffer | undefined> {
  let buffer = Buffer.allocUnsafe(Math.min(sizeHint, limit) + 1);
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length > limit) return undefined;
      buffer = Buffer.concat([buffer, Buffer.allocUnsafe(limit + 1 - length)]);
    }
    const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
    if (bytesRead === 0) return buffer.subarray(0, length);
    length += bytesRead;
  }
}

/**
 * Reads a library file without following a symbolic link, opening a non-regular file or reading
 * more than {@link MAX_LIBRARY_FILE_BYTES}. The stats are taken from the open file before its
 * bytes are read, so a change made while reading makes them differ from the next lstat().
 * @throws the file system's error for anything but a missing, linked, folder or forbidden file.
 */
export async function readLibraryFile(path: string): Promise<FileOutcome> {
  let handle;
  try {
    if (constants.O_NOFOLLOW === undefined && (await lstat(path)).isSymbolicLink()) return refusal({ code: 'ELOOP' } as NodeJS.ErrnoException);
    handle = await open(path, READ_FLAGS);
  } catch (error) {
    return refusal(error as NodeJS.ErrnoException);
  }
  try {
    const stats = await handle.stat({ bigint: true });
    if (!stats.isFile()) return { state: 'refused', problem: 'is not a regular file' };
    if (stats.size > BigInt(MAX_LIBRARY_FILE_BYTES)) {
      return { state: 'refused', problem: TOO_LARGE, stats };
    }
    const bytes = await readAtMost(handle, Number(stats.size), MAX_LIBRARY_FILE_BYTES);
    if (bytes === undefined) return { state: 'refused', problem: TOO_LARGE, stats };
    return { state: 'read', bytes, stats };
  } catch (error) {
    return refusal(error as NodeJS.ErrnoException);
  } finally {
    await handle.close();
  }
}
