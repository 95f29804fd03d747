import type { Logger } from 'pino';
import { parseJsonRecord } from './json-record.js';
import { STACK_GROUP_WAIT_MS, type LogConfig } from './options.js';
import { StackGrouper, type GroupedRecord } from './stack-grouper.js';

/** pino's own keys in every record, besides the logger's bindings. */
const PINO_KEYS = ['level', 'time', 'msg', 'pid', 'hostname'];

/** The child's `err` is written as it came: pino's error serializer would rebuild it as `{"type":"Object","stack":""}`. */
const keepAsIs = (value: unknown): unknown => value;

/**
 * Writes one output stream of a backend to the supervisor's logger, as records carrying the
 * supervisor's `service`, `stream` and `backendPid`. A JSON line with a level (pino's numbers or
 * names such as "warn", "WARNING", "ERROR") keeps its level, message and fields, a field that would
 * collide with the supervisor's keys renamed `child<Key>`; other lines are the `msg` at info (stdout)
 * or warn (stderr), a Python traceback or Node stack trace joined into one record.
 */
export class StreamLogger {
  readonly #logger: Logger;
  readonly #reserved: ReadonlySet<string>;
  readonly #textMethod: 'info' | 'warn';
  readonly #grouper: StackGrouper | undefined;

  constructor(logger: Logger, stream: 'stdout' | 'stderr', backendPid: number, config: LogConfig) {
    this.#logger = logger.child({ stream, backendPid }, { serializers: { err: keepAsIs } });
    this.#reserved = new Set([...PINO_KEYS, ...Object.keys(this.#logger.bindings())]);
    this.#textMethod = stream === 'stderr' ? 'warn' : 'info';
    this.#grouper = config.groupStackTraces ? new StackGrouper(config.maxLineBytes, STACK_GROUP_WAIT_MS, (record) => this.#writeText(record)) : undefined;
  }

  line(text: string, truncated: boolean): void {
    const record = parseJsonRecord(text, this.#logger, this.#reserved);
    if (record === undefined) {
      if (this.#grouper === undefined) this.#writeText({ text, lines: 1, truncated });
      else this.#grouper.push(text, truncated);
      return;
    }
    this.#grouper?.flush();
    this.#logger[record.method](record.fields, record.msg);
  }

  /** The stream ended: writes what a stack trace still held. */
  end(): void {
    this.#grouper?.flush();
  }

  #writeText({ text, lines, truncated }: GroupedRecord): void {
    const fields = lines > 1 ? { lines, ...(truncated ? { truncated } : {}) } : truncated ? { truncated } : {};
    this.#logger[this.#textMethod](fields, text);
  }
}
