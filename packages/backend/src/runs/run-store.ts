import { readFile, type FileHandle } from 'node:fs/promises';
import { openHistoryFile, splitLines } from './history-file.js';
import { createRunIdGenerator } from './run-id.js';
import { buildIndex, lowerBound, type IndexEntry } from './run-index.js';
import type { RunPage, RunResult } from './types.js';

/** What opening the store found, for a startup log line. */
export interface RunStoreStats {
  readonly path: string;
  readonly runs: number;
  readonly skippedLines: number;
  readonly tornBytes: number;
}

/**
 * The durable run history: one append-only JSONL file, each run flushed to disk (fsync) before
 * `append` resolves; an in-memory index of (id, offset, length) sorted by id for newest-first pages.
 */
export class RunStore {
  readonly stats: RunStoreStats;
  readonly #handle: FileHandle;
  readonly #path: string;
  #index: IndexEntry[];
  readonly #nextId = createRunIdGenerator();
  #size: number;
  #queue: Promise<unknown> = Promise.resolve();

  private constructor(handle: FileHandle, index: IndexEntry[], size: number, stats: RunStoreStats) {
    this.#handle = handle;
    this.#path = stats.path;
    this.#index = index;
    this.#size = size;
    this.stats = stats;
  }

  /** Opens the history in `dataDir`, skipping unreadable lines and cutting a torn last line. */
  static async open(dataDir: string): Promise<RunStore> {
    const opened = await openHistoryFile(dataDir);
    const { index, skipped } = buildIndex(opened.lines);
    const stats = { path: opened.path, runs: index.length, skippedLines: skipped, tornBytes: opened.tornBytes };
    return new RunStore(opened.handle, index, opened.size, stats);
  }

  /** Number of runs in the history. */
  get size(): number {
    return this.#index.length;
  }

  /** Gives the run a fresh sortable id, appends it and fsyncs; resolves once it is on disk. */
  append(run: Omit<RunResult, 'id'>): Promise<RunResult> {
    const task = this.#queue.then(() => this.#appendNow(run));
    this.#queue = task.catch(() => undefined);
    return task;
  }

  async #appendNow(run: Omit<RunResult, 'id'>): Promise<RunResult> {
    const stored: RunResult = { id: this.#nextId(this.#index.at(-1)?.id), ...run };
    const line = Buffer.from(`${JSON.stringify(stored)}\n`, 'utf8');
    const offset = this.#size;
    try {
      await this.#handle.write(line, 0, line.length, null);
      await this.#handle.sync();
    } catch (error) {
      await this.#handle.truncate(offset).catch(() => undefined);
      throw error;
    }
    // O_APPEND put the line at the end of the file, wherever that was: measure instead of trusting #size.
    this.#size = (await this.#handle.stat()).size;
    this.#index.push({ id: stored.id, offset: this.#size - line.length, length: line.length - 1 });
    return stored;
  }

  /** Reads a run by position, checking it is the run the index expects. */
  async #read(entry: IndexEntry): Promise<RunResult | undefined> {
    const buffer = Buffer.alloc(entry.length);
    await this.#handle.read(buffer, 0, entry.length, entry.offset);
    try {
      const run = JSON.parse(buffer.toString('utf8')) as RunResult;
      return run.id === entry.id ? run : undefined;
    } catch {
      return undefined;
    }
  }

  /** Re-reads the file: only needed if another process wrote to it (never while one supervisor runs one backend). */
  async #reindex(): Promise<void> {
    const { lines, complete } = splitLines(await readFile(this.#path));
    this.#index = buildIndex(lines).index;
    this.#size = Math.max(this.#size, complete);
  }

  /** Reads the entries; if one is not where the index says, re-indexes once and retries. */
  async #readAll(pick: () => IndexEntry[]): Promise<RunResult[]> {
    for (let attempt = 0; ; attempt += 1) {
      const runs = await Promise.all(pick().map((entry) => this.#read(entry)));
      if (runs.every((run): run is RunResult => run !== undefined)) return runs;
      if (attempt > 0) throw new Error(`The history file ${this.#path} changed under the index`);
      await this.#queue;
      await this.#reindex();
    }
  }

  /** The run with this id, or `undefined`. */
  async get(id: string): Promise<RunResult | undefined> {
    const [run] = await this.#readAll(() => {
      const at = lowerBound(this.#index, id);
      return this.#index.slice(at, at + 1).filter((entry) => entry.id === id);
    });
    return run;
  }

  /** Up to `limit` runs older than `cursor` (or the newest ones), newest first. */
  async list(limit: number, cursor?: string): Promise<RunPage> {
    let start = 0;
    const runs = await this.#readAll(() => {
      const end = cursor === undefined ? this.#index.length : lowerBound(this.#index, cursor);
      start = Math.max(0, end - limit);
      return this.#index.slice(start, end).reverse();
    });
    return { runs, next_cursor: start > 0 ? (runs.at(-1)?.id ?? null) : null };
  }

  /** Waits for pending appends, then closes the file. */
  async close(): Promise<void> {
    await this.#queue;
    await this.#handle.close();
  }
}
