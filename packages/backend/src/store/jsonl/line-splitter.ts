const NEWLINE = 0x0a;

/** One piece of a line-oriented file, with the byte offset just past it. */
export type SplitItem =
  /** A line (without its newline); `tail` when it is the unterminated end of the file. */
  | { readonly kind: 'line'; readonly bytes: Buffer; readonly end: number; readonly tail: boolean }
  /** A line longer than the limit: its bytes were counted and dropped, never held. */
  | { readonly kind: 'oversized'; readonly length: number; readonly end: number; readonly tail: boolean };

/**
 * Splits a byte stream into lines while holding at most `maxLineBytes` of the current line: a
 * longer line is dropped as it streams past and reported as `oversized`, so a 150 MB line costs
 * no more memory than the limit. Offsets are absolute (starting at `startOffset`).
 */
export class BoundedLineSplitter {
  readonly #maxLineBytes: number;
  #offset: number;
  #parts: Buffer[] = [];
  #length = 0;
  #overflowed = false;
  #peak = 0;

  constructor(maxLineBytes: number, startOffset = 0) {
    this.#maxLineBytes = maxLineBytes;
    this.#offset = startOffset;
  }

  /** Most bytes of one line held at any time: never more than the limit. */
  get peakBufferedBytes(): number {
    return this.#peak;
  }

  push(chunk: Buffer): SplitItem[] {
    const items: SplitItem[] = [];
    let start = 0;
    for (let newline = chunk.indexOf(NEWLINE); newline !== -1; newline = chunk.indexOf(NEWLINE, start)) {
      this.#append(chunk.subarray(start, newline));
      items.push(this.#take(this.#offset + newline + 1, false));
      start = newline + 1;
    }
    this.#append(chunk.subarray(start));
    this.#offset += chunk.length;
    return items;
  }

  /** The unterminated last line, if the stream did not end with a newline. */
  end(): SplitItem | undefined {
    if (this.#length === 0) return undefined;
    return this.#take(this.#offset, true);
  }

  #append(piece: Buffer): void {
    if (piece.length === 0) return;
    this.#length += piece.length;
    if (this.#overflowed) return;
    if (this.#length > this.#maxLineBytes) {
      this.#overflowed = true;
      this.#parts = [];
      return;
    }
    this.#parts.push(piece);
    this.#peak = Math.max(this.#peak, this.#length);
  }

  #take(end: number, tail: boolean): SplitItem {
    const item: SplitItem = this.#overflowed
      ? { kind: 'oversized', length: this.#length, end, tail }
      : { kind: 'line', bytes: Buffer.concat(this.#parts, this.#length), end, tail };
    this.#parts = [];
    this.#length = 0;
    this.#overflowed = false;
    return item;
  }
}
