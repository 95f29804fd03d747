import { mkdir, readFile, stat } from 'node:fs/promises';
import { isAbsolute, join, normalize } from 'node:path';
import { writeFileAtomic } from './atomic-file.js';
import { DESKTOP_ERROR_CODES, DesktopError } from './errors.js';

/** The file (in Sentinel's data directory) that remembers the chosen workspace folder. */
export const WORKSPACE_SETTING_FILE = 'workspace.json';

/** Longest folder path accepted. */
const MAX_PATH_CHARS = 4_096;

const invalid = (message: string, cause?: unknown): DesktopError => new DesktopError(DESKTOP_ERROR_CODES.INVALID_INPUT, message, { cause, details: { field: 'workspace_dir' } });

/**
 * The workspace folder the backend's library reads and writes: the user's choice (kept in
 * `<stateDir>/workspace.json`, written atomically) or the backend's default `<dataDir>/workspace`.
 * The backend is told with `SENTINEL_WORKSPACE`.
 */
export class WorkspaceFolder {
  readonly #file: string;
  readonly #defaultDir: string;
  #chosen: string | null = null;

  constructor(stateDir: string, backendDataDir: string) {
    this.#file = join(stateDir, WORKSPACE_SETTING_FILE);
    this.#defaultDir = join(backendDataDir, 'workspace');
  }

  /** Read the stored choice; a missing or unreadable file means the default. */
  async load(): Promise<void> {
    let chosen: unknown;
    try {
      chosen = (JSON.parse(await readFile(this.#file, 'utf8')) as { workspace_dir?: unknown }).workspace_dir;
    } catch {
      chosen = null;
    }
    this.#chosen = typeof chosen === 'string' && isAbsolute(chosen) ? chosen : null;
  }

  get dir(): string {
    return this.#chosen ?? this.#defaultDir;
  }

  get isDefault(): boolean {
    return this.#chosen === null;
  }

  /** The backend's variable: the chosen folder, or removed (the backend's own default). */
  environment(): Record<string, string | undefined> {
    return { SENTINEL_WORKSPACE: this.#chosen ?? undefined };
  }

  /**
   * Choose `path` (absolute; a folder, created when missing) or go back to the default (null).
   * Throws a coded error naming `workspace_dir` when the path cannot be a workspace.
   */
  async choose(path: unknown): Promise<void> {
    const chosen = path === null ? null : await checkedFolder(path);
    try {
      await writeFileAtomic(this.#file, `${JSON.stringify({ workspace_dir: chosen })}\n`, 0o600);
    } catch (error) {
      throw new DesktopError(DESKTOP_ERROR_CODES.STATE_STORE, `The workspace setting could not be saved in ${this.#file}`, { cause: error });
    }
    this.#chosen = chosen;
  }
}

async function checkedFolder(path: unknown): Promise<string> {
  if (typeof path !== 'string' || path.trim() === '') throw invalid('The workspace folder must be a path');
  const trimmed = path.trim();
  if (trimmed.length > MAX_PATH_CHARS || trimmed.includes('\0')) throw invalid('The workspace folder path is not valid');
  if (!isAbsolute(trimmed)) throw invalid(`The workspace folder must be an absolute path (such as /home/me/prompts), not ${JSON.stringify(trimmed.slice(0, 200))}`);
  const folder = normalize(trimmed);
  const info = await stat(folder).catch(() => undefined);
  if (info !== undefined && !info.isDirectory()) throw invalid(`${folder} is not a folder`);
  if (info === undefined) await mkdir(folder, { recursive: true }).catch((error: unknown) => Promise.reject(invalid(`${folder} does not exist and could not be created: ${(error as Error).message}`, error)));
  return folder;
}
