import type { Database } from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunTable } from '../run-table.js';
import { isRunId } from '../run-id.js';
import { syncDirectory } from '../sync-directory.js';
import { importNote, isLegacyRun, legacyToNewRun } from './legacy-run.js';
import { BoundedLineSplitter, type SplitItem } from './line-splitter.js';
import { ImportProgress, type LegacyImportCounts } from './import-progress.js';

import { LEGACY_FILE_NAME } from './legacy-file.js';

export { DEFAULT_MAX_IMPORT_LINE_BYTES, LEGACY_FILE_NAME } from './legacy-file.js';
/** Lines committed per transaction (with the file offset reached, so a killed import resumes there). */
export const IMPORT_BATCH_LINES = 5_000;
const BATCH_BYTES = 16 * 1024 * 1024;
/** Read size: 1 MiB reads stream a 2 GiB file about 7x faster than the 64 KiB default. */
const READ_CHUNK_BYTES = 1024 * 1024;

export type { LegacyImportCounts } from './import-progress.js';

/** Called after each committed batch of a runs.jsonl import (for progress logs of a long import). */
export type ImportProgressListener = (progress: { readonly offset: number; readonly counts: LegacyImportCounts }) => void;

/** What an import did, for the startup log. */
export interface LegacyImportReport extends LegacyImportCounts {
  readonly source: string;
  /** Where the old file was moved to (kept as a backup). */
  readonly backup: string;
  /** Byte offset the import started from (non-zero when it resumed an interrupted import). */
  readonly resumed_from: number;
  /** Most bytes of one line held in memory. */
  readonly peak_line_bytes: number;
}

function backupName(path: string, now: number): string {
  return `${path}.imported-${new Date(now).toISOString().replace(/[:.]/g, '-')}.bak`;
}

/**
 * Imports one batch of split lines and records the offset reached, in one transaction. Batches
 * before the last are committed with `synchronous=NORMAL` (no fsync): a power loss can only take
 * back the latest batches together with their offset, which the next start then imports again;
 * the last batch, which marks the import finished before the file is renamed, is fsynced.
 */
function importBatch(db: Database, runs: RunTable, progress: ImportProgress, batch: readonly SplitItem[], end: number, finished: boolean): void {
  db.pragma(`synchronous = ${finished ? 'FULL' : 'NORMAL'}`);
  db.transaction(() => {
    const counts = progress.counts;
    for (const item of batch) {
      if (item.kind === 'oversized') {
        counts.lines += 1;
        counts.oversized += 1;
        continue;
      }
      counts.lines += 1;
      const text = item.bytes.toString('utf8').trim();
      if (text === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        if (item.tail) counts.torn += 1;
        else counts.unparseable += 1;
        continue;
      }
      if (!isLegacyRun(value)) {
        counts.wrong_shape += 1;
        continue;
      }
      const keep = isRunId(value.id) && runs.isIdFree(value.id) ? value.id : undefined;
      const note = importNote({ line: counts.lines, importedAt: progress.startedAt, ...(keep === undefined ? { replacedId: value.id } : {}) });
      const importKey = createHash('sha256').update(item.bytes).digest('hex');
      const inserted = runs.insert(legacyToNewRun(value, note), { importKey, ...(keep === undefined ? {} : { preferredId: keep }) });
      if (inserted === undefined) counts.duplicates += 1;
      else {
        counts.imported += 1;
        if (keep === undefined) counts.reassigned_ids += 1;
      }
    }
    progress.save(end, finished);
  }).immediate();
}

/** Streams the file from the progress offset to its end, batch by batch. */
async function importFrom(
  db: Database,
  runs: RunTable,
  progress: ImportProgress,
  source: { readonly path: string; readonly size: number; readonly splitter: BoundedLineSplitter; readonly onProgress?: ImportProgressListener },
): Promise<void> {
  let batch: SplitItem[] = [];
  let batchBytes = 0;
  for await (const chunk of createReadStream(source.path, { start: progress.offset, highWaterMark: READ_CHUNK_BYTES }) as AsyncIterable<Buffer>) {
    for (const item of source.splitter.push(chunk)) {
      batch.push(item);
      batchBytes += item.kind === 'line' ? item.bytes.length : 0;
      if (batch.length < IMPORT_BATCH_LINES && batchBytes < BATCH_BYTES) continue;
      importBatch(db, runs, progress, batch, item.end, false);
      source.onProgress?.({ offset: progress.offset, counts: { ...progress.counts } });
      batch = [];
      batchBytes = 0;
    }
  }
  const tail = source.splitter.end();
  if (tail !== undefined) batch.push(tail);
  importBatch(db, runs, progress, batch, source.size, true);
}

/**
 * Imports `<dataDir>/runs.jsonl` into the history once: streamed (any size), bad lines skipped
 * and counted, each batch committed with the offset reached (a killed import resumes there; the
 * SHA-256 of each line, a unique key, keeps a re-read line from being stored twice). When done,
 * the file is renamed to `runs.jsonl.imported-<time>.bak`. Stored ids are kept when well-formed
 * and free, and never used to make new ones.
 * @returns the report, or null when there is no runs.jsonl.
 */
export async function importLegacyHistory(
  db: Database,
  runs: RunTable,
  options: { readonly dataDir: string; readonly maxLineBytes: number; readonly now: () => number; readonly onProgress?: ImportProgressListener },
): Promise<LegacyImportReport | null> {
  const path = join(options.dataDir, LEGACY_FILE_NAME);
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (info === undefined) return null;
  const progress = ImportProgress.load(db, { path, source: `${info.dev}:${info.ino}:${info.size}:${Math.trunc(info.mtimeMs)}`, now: options.now });
  const resumedFrom = progress.offset;
  const splitter = new BoundedLineSplitter(options.maxLineBytes, resumedFrom);
  if (!progress.finished) {
    try {
      await importFrom(db, runs, progress, { path, size: info.size, splitter, ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }) });
    } finally {
      db.pragma('synchronous = FULL');
    }
  }
  const backup = backupName(path, options.now());
  await rename(path, backup);
  await syncDirectory(options.dataDir);
  return { ...progress.counts, source: path, backup, resumed_from: resumedFrom, peak_line_bytes: splitter.peakBufferedBytes };
}
