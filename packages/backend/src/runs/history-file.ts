import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';

/** Name of the append-only run history file inside the data directory. */
export const HISTORY_FILE_NAME = 'runs.jsonl';

/** Where one complete line sits in the history file. */
export interface LineSpan {
  readonly offset: number;
  readonly length: number;
  readonly text: string;
}

/** The history file opened for appending and positional reads, with its complete lines. */
export interface OpenedHistory {
  readonly handle: FileHandle;
  readonly path: string;
  readonly lines: LineSpan[];
  /** Size after dropping a torn tail: where the next line will start. */
  readonly size: number;
  /** Bytes of an unfinished last line (a kill mid-write) that were cut off. */
  readonly tornBytes: number;
}

async function syncDirectory(directory: string): Promise<void> {
  const handle = await open(directory, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Splits file content into its complete, non-empty lines and the length up to the last newline. */
export function splitLines(content: Buffer): { lines: LineSpan[]; complete: number } {
  const lines: LineSpan[] = [];
  let start = 0;
  for (let end = content.indexOf(10); end !== -1; end = content.indexOf(10, start)) {
    if (end > start) lines.push({ offset: start, length: end - start, text: content.toString('utf8', start, end) });
    start = end + 1;
  }
  return { lines, complete: start };
}

/**
 * Opens (creating if needed, owner-only) the history file and reads its complete lines. An
 * unfinished last line - only possible when the process died mid-append, before the fsync that
 * precedes every response - is cut off, so the next append starts on a clean line.
 */
export async function openHistoryFile(dataDir: string): Promise<OpenedHistory> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const path = join(dataDir, HISTORY_FILE_NAME);
  const handle = await open(path, 'a+', 0o600);
  try {
    const content = await handle.readFile();
    const { lines, complete } = splitLines(content);
    const tornBytes = content.length - complete;
    if (tornBytes > 0) {
      await handle.truncate(complete);
      await handle.sync();
    }
    if (content.length === 0) await syncDirectory(dataDir);
    return { handle, path, lines, size: complete, tornBytes };
  } catch (error) {
    await handle.close();
    throw error;
  }
}
