/**
 * Fenced code blocks as CommonMark defines them: an opening line of at most 3 spaces, then 3 or
 * more backticks or tildes and an optional info string (the language); the block ends at a line of
 * the same character, at least as many, and nothing else, or at the end of the text.
 */

const OPENING_FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** One fenced block: its language (the info string's first word, lower-cased) and its lines. */
export interface FencedBlock {
  readonly language: string;
  readonly content: string;
  /** False when the text ended before a closing fence. */
  readonly closed: boolean;
  /** Index of the closing fence's line (the line count when not closed). */
  readonly closingLine: number;
}

interface Fence {
  readonly marker: string;
  readonly info: string;
}

function openingFence(line: string): Fence | undefined {
  const match = OPENING_FENCE.exec(line);
  if (match === null) return undefined;
  const marker = match[1] as string;
  const info = line.slice(match[0].length).trim();
  if (marker.startsWith('`') && info.includes('`')) return undefined;
  return { marker, info };
}

function closesFence(line: string, fence: Fence): boolean {
  const trimmed = line.trim();
  const indent = line.length - line.trimStart().length;
  const char = fence.marker.charAt(0);
  return indent <= 3 && trimmed.length >= fence.marker.length && [...trimmed].every((c) => c === char);
}

/** The lines of a text, with `\r\n` and `\r` line ends read as `\n`. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n?|\n/);
}

/** Every fenced code block of the text, in order. */
export function findFencedBlocks(text: string): FencedBlock[] {
  const blocks: FencedBlock[] = [];
  const lines = splitLines(text);
  let index = 0;
  while (index < lines.length) {
    const fence = openingFence(lines[index] as string);
    index += 1;
    if (fence === undefined) continue;
    const start = index;
    while (index < lines.length && !closesFence(lines[index] as string, fence)) index += 1;
    const closed = index < lines.length;
    blocks.push({ language: (fence.info.split(/\s/)[0] ?? '').toLowerCase(), content: lines.slice(start, index).join('\n'), closed, closingLine: index });
    index += 1;
  }
  return blocks;
}

/** The block when the whole text (trimmed) is one closed fenced block and nothing else. */
export function soleFencedBlock(text: string): FencedBlock | undefined {
  const trimmed = text.trim();
  if (!trimmed.startsWith('```') && !trimmed.startsWith('~~~')) return undefined;
  const blocks = findFencedBlocks(trimmed);
  const [block] = blocks;
  const lastLine = splitLines(trimmed).length - 1;
  return blocks.length === 1 && block !== undefined && block.closed && block.closingLine === lastLine ? block : undefined;
}
