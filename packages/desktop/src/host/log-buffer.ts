import type { LogEntry } from '../shared/types.js';

/** The latest `capacity` backend log lines, oldest first; memory stays bounded under a log flood. */
export class LogBuffer {
  readonly #capacity: number;
  readonly #entries: LogEntry[] = [];

  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new TypeError(`logCapacity must be a positive integer, received ${String(capacity)}`);
    }
    this.#capacity = capacity;
  }

  push(entry: LogEntry): void {
    this.#entries.push(entry);
    if (this.#entries.length > this.#capacity) this.#entries.splice(0, this.#entries.length - this.#capacity);
  }

  list(): LogEntry[] {
    return [...this.#entries];
  }
}
