import type { Readable } from 'node:stream';
import type { Logger } from 'pino';
import type { LogLine } from '../events.js';
import { LineSplitter } from './line-splitter.js';
import { writeToLogger } from './log-router.js';
import type { Ring } from './ring.js';

export interface OutputPumpOptions {
  readonly pid: number;
  readonly stdout: Readable | null;
  readonly stderr: Readable | null;
  readonly maxLineBytes: number;
  readonly lastLines: Ring<string>;
  /** The supervisor's `{ service }` logger, or undefined. */
  readonly logger: Logger | undefined;
  readonly onLine: (entry: LogLine) => void;
}

/**
 * Drains both pipes continuously (flowing mode, whatever listens), splits them into lines and hands
 * each line to the ring, the pino logger and `onLine`. Resolves `closed` when both streams ended.
 */
export function pumpOutput(options: OutputPumpOptions): { readonly closed: Promise<void> } {
  const streams = [
    ['stdout', options.stdout],
    ['stderr', options.stderr],
  ] as const;
  const closed = streams.map(([name, stream]) => (stream === null ? Promise.resolve() : pumpStream(name, stream, options)));
  return { closed: Promise.all(closed).then(() => undefined) };
}

function pumpStream(name: 'stdout' | 'stderr', stream: Readable, options: OutputPumpOptions): Promise<void> {
  const logger = options.logger?.child({ stream: name, pid: options.pid });
  const splitter = new LineSplitter(options.maxLineBytes, ({ text, truncated }) => {
    const entry: LogLine = { stream: name, line: text, pid: options.pid, time: Date.now(), truncated };
    options.lastLines.push(text);
    if (logger !== undefined) writeToLogger(logger, entry);
    options.onLine(entry);
  });
  return new Promise((resolve) => {
    const finish = (): void => {
      splitter.end();
      resolve();
    };
    stream.on('data', (chunk: Buffer) => splitter.push(chunk));
    stream.once('end', finish);
    stream.once('close', finish);
    stream.on('error', finish);
  });
}
