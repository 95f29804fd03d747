import type { Database, Statement } from 'better-sqlite3';

/** What an import of runs.jsonl counted (all lines so far, across resumes). */
export interface LegacyImportCounts {
  /** Lines read (blank ones included, so a note's line number is the file's). */
  lines: number;
  imported: number;
  /** Lines identical to one already imported (the same bytes). */
  duplicates: number;
  /** Imported runs whose old id was malformed or taken: they got a fresh id. */
  reassigned_ids: number;
  /** Complete lines that are not JSON. */
  unparseable: number;
  /** JSON that is not a run of the old format. */
  wrong_shape: number;
  /** Lines over the length limit (skipped without being held in memory). */
  oversized: number;
  /** An unterminated last line that is not JSON (a kill mid-append). */
  torn: number;
}

function zeroCounts(): LegacyImportCounts {
  return { lines: 0, imported: 0, duplicates: 0, reassigned_ids: 0, unparseable: 0, wrong_shape: 0, oversized: 0, torn: 0 };
}

interface ProgressRow {
  readonly offset: number;
  readonly counts: string;
  readonly started_at: string;
  readonly finished_at: string | null;
}

/**
 * The durable progress of importing one runs.jsonl (its `legacy_imports` row), identified by the
 * file's device, inode, size and mtime: the same file resumes at its offset; a changed one starts over.
 */
export class ImportProgress {
  readonly counts: LegacyImportCounts;
  readonly startedAt: string;
  #offset: number;
  #finished: boolean;
  readonly #save: Statement;
  readonly #source: string;
  readonly #path: string;
  readonly #now: () => number;

  private constructor(db: Database, source: string, path: string, row: ProgressRow | undefined, now: () => number) {
    this.#save = db.prepare(`INSERT INTO legacy_imports (source, path, offset, counts, started_at, finished_at) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (source) DO UPDATE SET offset = excluded.offset, counts = excluded.counts, finished_at = excluded.finished_at`);
    this.#source = source;
    this.#path = path;
    this.#now = now;
    this.counts = row === undefined ? zeroCounts() : { ...zeroCounts(), ...(JSON.parse(row.counts) as Partial<LegacyImportCounts>) };
    this.startedAt = row?.started_at ?? new Date(now()).toISOString();
    this.#offset = row?.offset ?? 0;
    this.#finished = row?.finished_at !== null && row?.finished_at !== undefined;
  }

  static load(db: Database, file: { readonly path: string; readonly source: string; readonly now: () => number }): ImportProgress {
    const row = db.prepare<[string], ProgressRow>('SELECT offset, counts, started_at, finished_at FROM legacy_imports WHERE source = ?').get(file.source);
    return new ImportProgress(db, file.source, file.path, row, file.now);
  }

  get offset(): number {
    return this.#offset;
  }

  get finished(): boolean {
    return this.#finished;
  }

  /** Records the offset reached and the counts (inside the batch's transaction). */
  save(offset: number, finished: boolean): void {
    this.#save.run(this.#source, this.#path, offset, JSON.stringify(this.counts), this.startedAt, finished ? new Date(this.#now()).toISOString() : null);
    this.#offset = offset;
    this.#finished = finished;
  }
}
