const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/** One decoded line. */
export interface SplitLine {
  readonly text: string;
  readonly truncated: boolean;
}

/**
 * Splits a byte stream into lines: across chunks, LF or CRLF, a last line without newline (on `end()`),
 * invalid UTF-8 decoded to U+FFFD, and lines longer than `maxBytes` cut (the rest of that line is
 * dropped). Memory stays under `maxBytes` per stream whatever the input.
 */
export class LineSplitter {
  readonly #maxBytes: number;
  readonly #onLine: (line: SplitLine) => void;
  readonly #decoder = new TextDecoder('utf-8', { fatal: false });
  #pending: Buffer[] = [];
  #pendingBytes = 0;
  #dropping = false;

  constructor(maxBytes: number, onLine: (line: SplitLine) => void) {
    this.#maxBytes = maxBytes;
    this.#onLine = onLine;
  }

  /** Feeds a chunk; emits every complete line in it. */
  push(chunk: Buffer): void {
    let start = 0;
    while (start < chunk.length) {
      const newline = chunk.indexOf(NEWLINE, start);
      const end = newline === -1 ? chunk.length : newline;
      if (!this.#dropping) this.#append(chunk.subarray(start, end));
      if (newline === -1) return;
      if (this.#dropping) this.#dropping = false;
      else this.#flush(false);
      start = newline + 1;
    }
  }

  /** Emits the last line if it had no newline. */
  end(): void {
    if (this.#pendingBytes > 0 && !this.#dropping) this.#flush(false);
    this.#pending = [];
    this.#pendingBytes = 0;
    this.#dropping = false;
  }

  #append(part: Buffer): void {
    if (part.length === 0) return;
    const room = this.#maxBytes - this.#pendingBytes;
    if (part.length <= room) {
      this.#pending.push(part);
      this.#pendingBytes += part.length;
      return;
    }
    this.#pending.push(part.subarray(0, room));
    this.#pendingBytes += room;
    this.#flush(true);
    this.#dropping = true;
  }

  #flush(truncated: boolean): void {
    let bytes = this.#pending.length === 1 ? (this.#pending[0] as Buffer) : Buffer.concat(this.#pending, this.#pendingBytes);
    this.#pending = [];
    this.#pendingBytes = 0;
    if (!truncated && bytes.length > 0 && bytes[bytes.length - 1] === CARRIAGE_RETURN) bytes = bytes.subarray(0, -1);
    this.#onLine({ text: this.#decoder.decode(bytes), truncated });
  }
}
