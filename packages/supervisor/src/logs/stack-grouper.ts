/** One logger record made of one or more output lines. */
export interface GroupedRecord {
  readonly text: string;
  readonly lines: number;
  readonly truncated: boolean;
}

const PYTHON_HEADER = /^Traceback \(most recent call last\):$/;
const PYTHON_CHAIN = /^(During handling of the above exception, another exception occurred:|The above exception was the direct cause of the following exception:)$/;
/** Lines that continue a Node error: stack frames, "... N more lines", a cause. */
const NODE_CONTINUATION = /^\s+(at\s|\.\.\. \d+ (more )?lines?|\[cause\]:)/;

type Phase = 'line' | 'node' | 'python-frames' | 'python-after';

/**
 * Joins the lines of one Python traceback (chained ones included) or one Node stack trace into one
 * record, bounded by `maxBytes` per record and `waitMs` of quiet before a pending record is written.
 * Every other line becomes its own record, written once the next line shows it is not a stack's head.
 */
export class StackGrouper {
  readonly #maxBytes: number;
  readonly #waitMs: number;
  readonly #write: (record: GroupedRecord) => void;
  #lines: string[] = [];
  /** Blank or chaining lines after a Python exception line: part of it only if a traceback follows. */
  #tentative: string[] = [];
  #bytes = 0;
  #truncated = false;
  #phase: Phase = 'line';
  #lastPushAt = 0;
  #timer: NodeJS.Timeout | undefined;

  constructor(maxBytes: number, waitMs: number, write: (record: GroupedRecord) => void) {
    this.#maxBytes = maxBytes;
    this.#waitMs = waitMs;
    this.#write = write;
  }

  push(text: string, truncated: boolean): void {
    this.#lastPushAt = Date.now();
    const verdict = this.#classify(text);
    if (verdict === 'hold') {
      this.#tentative.push(text);
      return this.#arm();
    }
    if (verdict === 'new') {
      this.flush();
      this.#phase = PYTHON_HEADER.test(text) ? 'python-frames' : 'line';
    }
    this.#append(text, truncated);
    this.#arm();
  }

  #append(text: string, truncated: boolean): void {
    if (this.#lines.length > 0 && this.#bytes + text.length + 1 > this.#maxBytes) this.#writePending();
    this.#lines.push(text);
    this.#bytes += text.length + 1;
    this.#truncated ||= truncated;
  }

  /** Writes whatever is pending (at a JSON record, at the end of the stream). */
  flush(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#writePending();
    for (const line of this.#tentative.splice(0)) this.#write({ text: line, lines: 1, truncated: false });
    this.#phase = 'line';
  }

  /** Whether `text` continues the pending record, may continue it (held), or starts a new one. */
  #classify(text: string): 'append' | 'hold' | 'new' {
    if (this.#lines.length === 0) return 'new';
    switch (this.#phase) {
      case 'line':
      case 'node':
        if (!NODE_CONTINUATION.test(text)) return 'new';
        this.#phase = 'node';
        return 'append';
      case 'python-frames':
        if (!/^\s/.test(text) && !PYTHON_HEADER.test(text)) this.#phase = 'python-after'; // the exception line ends the frames
        return 'append';
      case 'python-after':
        return this.#afterPythonException(text);
    }
  }

  /** After the exception line: a chained traceback ("During handling...", then "Traceback") continues it. */
  #afterPythonException(text: string): 'append' | 'hold' | 'new' {
    if (text.trim() === '' || PYTHON_CHAIN.test(text)) return 'hold';
    if (!PYTHON_HEADER.test(text) || !this.#tentative.some((line) => PYTHON_CHAIN.test(line))) return 'new';
    for (const line of this.#tentative.splice(0)) this.#append(line, false);
    this.#phase = 'python-frames';
    return 'append';
  }

  #writePending(): void {
    if (this.#lines.length === 0) return;
    this.#write({ text: this.#lines.join('\n'), lines: this.#lines.length, truncated: this.#truncated });
    this.#lines = [];
    this.#bytes = 0;
    this.#truncated = false;
  }

  #arm(): void {
    if (this.#timer !== undefined) return;
    const check = (): void => {
      const quietMs = Date.now() - this.#lastPushAt;
      if (quietMs >= this.#waitMs) {
        this.#timer = undefined;
        this.flush();
      } else {
        this.#timer = setTimeout(check, this.#waitMs - quietMs);
        this.#timer.unref();
      }
    };
    this.#timer = setTimeout(check, this.#waitMs);
    this.#timer.unref();
  }
}
