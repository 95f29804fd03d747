import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Draft, DraftSummary } from '../shared/workspace-types.js';
import { writeFileAtomic } from './atomic-file.js';
import { DESKTOP_ERROR_CODES, DesktopError } from './errors.js';
import { validateDraft, validateDraftKey } from './validate-drafts.js';

/** Most drafts kept at once: one more is refused (never silently dropping another one's text). @default 200 */
export const MAX_DRAFTS = 200;

const SUFFIX = '.json';

/** `test:capital` ↔ `test@capital.json` (':' cannot be in a Windows file name; '@' is never in a key). */
const fileOf = (key: string): string => `${key.replace(':', '@')}${SUFFIX}`;
const keyOf = (file: string): string => file.slice(0, -SUFFIX.length).replace('@', ':');

function nameIn(yaml: string): string | null {
  try {
    const value = parse(yaml, { maxAliasCount: 0 }) as { name?: unknown } | null;
    return typeof value?.name === 'string' ? value.name : null;
  } catch {
    return /^name:\s*(.+)$/m.exec(yaml)?.[1]?.trim() ?? null; // a draft mid-edit may not parse
  }
}

/**
 * The editor's unsaved text, kept by the host so a backend crash, a reload or a quit never loses
 * it: one JSON file per draft key in `dir` (`<data dir>/drafts`), each written atomically, so a
 * crash in the middle of a write leaves the previous draft whole. Writes of one key go one after
 * another.
 */
export class DraftStore {
  readonly #dir: string;
  readonly #queues = new Map<string, Promise<unknown>>();

  constructor(dir: string) {
    this.#dir = dir;
  }

  async save(key: unknown, draft: unknown): Promise<void> {
    const valid = { key: validateDraftKey(key), draft: validateDraft(draft) };
    await this.#serial(valid.key, async () => {
      const files = await this.#files();
      if (!files.includes(fileOf(valid.key)) && files.length >= MAX_DRAFTS) {
        throw new DesktopError(DESKTOP_ERROR_CODES.STATE_STORE, `Sentinel keeps at most ${MAX_DRAFTS} unsaved drafts: save or discard some in the Library first`);
      }
      await this.#write(valid.key, valid.draft);
    });
  }

  async load(key: unknown): Promise<Draft | null> {
    return this.#read(fileOf(validateDraftKey(key)));
  }

  async clear(key: unknown): Promise<void> {
    const valid = validateDraftKey(key);
    await this.#serial(valid, () => rm(join(this.#dir, fileOf(valid)), { force: true }));
  }

  /** Every draft, newest first. */
  async list(): Promise<DraftSummary[]> {
    const summaries: DraftSummary[] = [];
    for (const file of await this.#files()) {
      const draft = await this.#read(file);
      if (draft) summaries.push({ key: keyOf(file), kind: draft.kind, id: draft.id, name: nameIn(draft.yaml), saved_at: draft.saved_at });
    }
    return summaries.sort((a, b) => b.saved_at.localeCompare(a.saved_at));
  }

  async #write(key: string, draft: Draft): Promise<void> {
    try {
      await writeFileAtomic(join(this.#dir, fileOf(key)), JSON.stringify(draft), 0o600);
    } catch (error) {
      throw new DesktopError(DESKTOP_ERROR_CODES.STATE_STORE, `The draft could not be saved in ${this.#dir}: ${(error as Error).message}`, { cause: error });
    }
  }

  /** A draft file, or null when it is missing or not a draft (a file edited by hand is ignored). */
  async #read(file: string): Promise<Draft | null> {
    try {
      return validateDraft(JSON.parse(await readFile(join(this.#dir, file), 'utf8')));
    } catch {
      return null;
    }
  }

  async #files(): Promise<string[]> {
    const names = await readdir(this.#dir).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? [] : Promise.reject(error)));
    return names.filter((name) => name.endsWith(SUFFIX) && isDraftKey(keyOf(name)));
  }

  #serial<T>(key: string, task: () => Promise<T>): Promise<T> {
    const run = (this.#queues.get(key) ?? Promise.resolve()).then(task, task);
    const settled = run.catch(() => undefined);
    this.#queues.set(key, settled);
    void settled.then(() => this.#queues.get(key) === settled && this.#queues.delete(key));
    return run;
  }
}

function isDraftKey(key: string): boolean {
  try {
    validateDraftKey(key);
    return true;
  } catch {
    return false;
  }
}
