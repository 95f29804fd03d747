import { diffLines } from 'diff';
import type { DiffLine } from '../contract/run.js';

/** Characters of each output that are diffed; the rest is left out (and the diff says it is truncated). */
export const MAX_DIFF_INPUT_CHARS = 200_000;
/** Lines of each output that are diffed. */
export const MAX_DIFF_INPUT_LINES = 2_000;
/** Most lines a diff returns. */
export const MAX_DIFF_LINES = 2_000;
/** Largest edit distance (in lines) the diff searches for before giving up on a minimal one. */
export const MAX_DIFF_EDIT_LENGTH = 1_000;

function bounded(text: string): { text: string; cut: boolean } {
  let cut = text.length > MAX_DIFF_INPUT_CHARS;
  let kept = cut ? text.slice(0, MAX_DIFF_INPUT_CHARS) : text;
  const lines = kept.split('\n');
  if (lines.length > MAX_DIFF_INPUT_LINES) {
    kept = lines.slice(0, MAX_DIFF_INPUT_LINES).join('\n');
    cut = true;
  }
  return { text: kept, cut };
}

function linesOf(value: string): string[] {
  const lines = value.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** When the outputs differ too much for a minimal diff: the start of base removed, then the start of head added. */
function replaced(base: string, head: string): DiffLine[] {
  const half = MAX_DIFF_LINES / 2;
  const removed = linesOf(base).slice(0, half).map((text): DiffLine => ({ op: 'removed', text }));
  const added = linesOf(head).slice(0, half).map((text): DiffLine => ({ op: 'added', text }));
  return [...removed, ...added];
}

/**
 * A line diff of two outputs (jsdiff's `diffLines`), bounded: each output is cut to
 * {@link MAX_DIFF_INPUT_LINES} lines / {@link MAX_DIFF_INPUT_CHARS} characters, the search stops at
 * {@link MAX_DIFF_EDIT_LENGTH} edits (then the start of base is shown removed and the start of head
 * added, half the lines each), and at most {@link MAX_DIFF_LINES} lines are returned.
 */
export function outputDiff(base: string, head: string): { lines: DiffLine[]; truncated: boolean } {
  const left = bounded(base);
  const right = bounded(head);
  const changes = diffLines(left.text, right.text, { maxEditLength: MAX_DIFF_EDIT_LENGTH });
  if (changes === undefined) return { lines: replaced(left.text, right.text), truncated: true };
  const lines: DiffLine[] = [];
  for (const change of changes) {
    const op = change.added ? 'added' : change.removed ? 'removed' : 'same';
    for (const text of linesOf(change.value)) lines.push({ op, text });
  }
  const truncated = left.cut || right.cut || lines.length > MAX_DIFF_LINES;
  return { lines: lines.slice(0, MAX_DIFF_LINES), truncated };
}
