import type { LogEntry } from '../shared/types.js';
import { LogBuffer } from './log-buffer.js';

/** How long log lines are gathered before one 'logs' event goes out (a flood stays a trickle of events). */
export const LOG_FLUSH_MS = 50;

/** Keeps the latest lines and hands new ones out in batches. */
export class LogBatcher {
  readonly #buffer: LogBuffer;
  readonly #flush: (entries: LogEntry[]) => void;
  #pending: LogEntry[] = [];
  #timer: NodeJS.Timeout | undefined;

  constructor(capacity: number, flush: (entries: LogEntry[]) => void) {
    this.#buffer = new LogBuffer(capacity);
    this.#flush = flush;
  }

  push(entry: LogEntry): void {
    this.#buffer.push(entry);
    this.#pending.push(entry);
    this.#timer ??= setTimeout(() => this.flush(), LOG_FLUSH_MS);
  }

  list(): LogEntry[] {
    return this.#buffer.list();
  }

  flush(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#pending.length === 0) return;
    const entries = this.#pending;
    this.#pending = [];
    this.#flush(entries);
  }
}
