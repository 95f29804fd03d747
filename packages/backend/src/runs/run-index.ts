import type { LineSpan } from './history-file.js';
import { isRunId } from './run-id.js';

/** Where one run sits in the history file. */
export interface IndexEntry {
  readonly id: string;
  readonly offset: number;
  readonly length: number;
}

/** The index entry of a line, or undefined when the line is not a run. */
function parseEntry(text: string, offset: number, length: number): IndexEntry | undefined {
  try {
    const value = JSON.parse(text) as { id?: unknown };
    return typeof value.id === 'string' && isRunId(value.id) ? { id: value.id, offset, length } : undefined;
  } catch {
    return undefined;
  }
}

/** Index entries of the readable lines, sorted by id; also the number of unreadable lines. */
export function buildIndex(lines: readonly LineSpan[]): { index: IndexEntry[]; skipped: number } {
  const entries = lines.map((line) => parseEntry(line.text, line.offset, line.length));
  const index = entries.filter((entry): entry is IndexEntry => entry !== undefined);
  index.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { index, skipped: entries.length - index.length };
}

/** First index whose id is >= `id` in the sorted index. */
export function lowerBound(index: readonly IndexEntry[], id: string): number {
  let low = 0;
  let high = index.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((index[middle] as IndexEntry).id < id) low = middle + 1;
    else high = middle;
  }
  return low;
}
