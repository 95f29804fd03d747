import { lstat, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { BackendError } from '../app/errors.js';
import type { LibraryKind } from '../contract/library.js';

/** Folder of each kind inside the workspace: `tests/<id>.yaml`, `suites/<id>.yaml`. */
export const KIND_FOLDERS = { test: 'tests', suite: 'suites' } as const satisfies Record<LibraryKind, string>;
/** The one file extension of library files. */
export const LIBRARY_FILE_EXTENSION = '.yaml';
/** The workspace folder's name inside the data directory when `SENTINEL_WORKSPACE` is not set. */
export const DEFAULT_WORKSPACE_FOLDER = 'workspace';

function folderProblem(path: string, problem: string, cause?: unknown): BackendError {
  return new BackendError('WORKSPACE_READ_FAILED', { message: `The workspace folder ${path} ${problem}`, details: { path }, cause });
}

/**
 * The workspace folder and where each item's file lives in it. Paths are only ever built from a
 * validated id (no separators, no `..`), so nothing outside the workspace is named; the kind folders
 * must be real folders (a symbolic link there is refused, not followed).
 */
export class Workspace {
  /** Absolute path of the workspace folder. */
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  /** Relative path (forward slashes, as in the API) of an item's file. */
  relativePath(kind: LibraryKind, fileName: string): string {
    return `${KIND_FOLDERS[kind]}/${fileName}`;
  }

  /** Absolute path of an item's file (the id must be validated already). */
  filePath(kind: LibraryKind, id: string): string {
    return join(this.root, KIND_FOLDERS[kind], `${id}${LIBRARY_FILE_EXTENSION}`);
  }

  /**
   * The kind's folder, checked to be a real folder; created (with the workspace) when `create` is
   * set, otherwise undefined when it does not exist yet (an empty library).
   * @throws BackendError WORKSPACE_READ_FAILED when it is a link or a file, or cannot be examined.
   */
  async folder(kind: LibraryKind, create: boolean): Promise<string | undefined> {
    const path = join(this.root, KIND_FOLDERS[kind]);
    if (create) await mkdir(path, { recursive: true }).catch((error: unknown) => this.#writeFailed(path, error));
    const stats = await lstat(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw folderProblem(path, `cannot be read: ${error.message}`, error);
    });
    if (stats === undefined) return undefined;
    if (stats.isSymbolicLink()) throw folderProblem(path, 'is a symbolic link: the library only uses real folders inside the workspace; replace the link with a folder');
    if (!stats.isDirectory()) throw folderProblem(path, 'is not a folder');
    return path;
  }

  #writeFailed(path: string, error: unknown): never {
    throw new BackendError('WORKSPACE_WRITE_FAILED', {
      message: `The workspace folder ${path} could not be created: ${(error as Error).message}`,
      details: { path },
      cause: error,
    });
  }
}
