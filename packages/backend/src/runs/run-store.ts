import type { FileHandle } from 'node:fs/promises';
import { openHistoryFile } from './history-file.js';
import { createRunIdGenerator, isRunId } from './run-id.js';
import type { RunPage, RunResult } from './types.js';

interface IndexEntry {
  readonly id: string;
  readonly offset: number;
  readonly length: number;
}

/** What opening the store found, for a startup log line. */
export interface RunStoreStats {
  readonly path: string;
  readonly runs: number;
  readonly skippedLines: number;
  readonly tornBytes: number;
}

function parseEntry(text: string, offset: number, length: number): IndexEntry | undefined {
  try {
    const value = JSON.parse(text) as { id?: unknown };
    return typeof value.id === 'string' && isRunId(value.id) ? { id: value.id, offset, length } : undefined;
  } catch {
    return undefined;
  }
}

/** First index whose id is >= `id` in the sorted index. */
function lowerBound(index: readonly IndexEntry[], id: string): number {
  let low = 0;
  let high = index.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((index[middle] as IndexEntry).id < id) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The durable run history: one append-only JSONL file, each run flushed to disk (fsync) before
 * `append` resolves; an in-memory index of (id, offset, length) sorted by id for newest-first pages.
 */
export class RunStore {
  readonly stats: RunStoreStats;
  readonly #handle: FileHandle;
  readonly #index: IndexEntry[];
  readonly #nextId = createRunIdGenerator();
  #size: number;
  #queue: Promise<unknown> = Promise.resolve();

  private constructor(handle: FileHandle, index: IndexEntry[], size: number, stats: RunStoreStats) {
    this.#handle = handle;
    this.#index = index;
    this.#size = size;
    this.stats = stats;
  }

  /** Opens the history in `dataDir`, skipping unreadable lines and cutting a torn last line. */
  static async open(dataDir: string): Promise<RunStore> {
    const opened = await openHistoryFile(dataDir);
    const entries = opened.lines.map((line) => parseEntry(line.text, line.offset, line.length));
    const index = entries.filter((entry): entry is IndexEntry => entry !== undefined);
    index.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const stats = { path: opened.path, runs: index.length, skippedLines: entries.length - index.length, tornBytes: opened.tornBytes };
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
    this.#size = offset + line.length;
    this.#index.push({ id: stored.id, offset, length: line.length - 1 });
    return stored;
  }

  async #read(entry: IndexEntry): Promise<RunResult> {
    const buffer = Buffer.alloc(entry.length);
    await this.#handle.read(buffer, 0, entry.length, entry.offset);
    return JSON.parse(buffer.toString('utf8')) as RunResult;
  }

  /** The run with this id, or `undefined`. */
  async get(id: string): Promise<RunResult | undefined> {
    const position = lowerBound(this.#index, id);
    const entry = this.#index[position];
    return entry?.id === id ? this.#read(entry) : undefined;
  }

  /** Up to `limit` runs older than `cursor` (or the newest ones), newest first. */
  async list(limit: number, cursor?: string): Promise<RunPage> {
    const end = cursor === undefined ? this.#index.length : lowerBound(this.#index, cursor);
    const start = Math.max(0, end - limit);
    const entries = this.#index.slice(start, end).reverse();
    const runs = await Promise.all(entries.map((entry) => this.#read(entry)));
    return { runs, next_cursor: start > 0 ? (entries.at(-1)?.id ?? null) : null };
  }

  /** Waits for pending appends, then closes the file. */
  async close(): Promise<void> {
    await this.#queue;
    await this.#handle.close();
  }
}
