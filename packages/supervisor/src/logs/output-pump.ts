import type { Readable } from 'node:stream';
import type { Logger } from 'pino';
import type { LogLine } from '../events.js';
import { LineSplitter } from './line-splitter.js';
import { StreamLogger } from './log-router.js';
import type { LogConfig } from './options.js';
import type { Ring } from './ring.js';

export interface OutputPumpOptions {
  readonly pid: number;
  readonly stdout: Readable | null;
  readonly stderr: Readable | null;
  readonly config: LogConfig;
  readonly lastLines: Ring<string>;
  /** The supervisor's `{ service }` logger, or undefined. */
  readonly logger: Logger | undefined;
  readonly onLine: (entry: LogLine) => void;
}

/**
 * Drains both pipes continuously (flowing mode, whatever listens), splits them into lines and hands
 * each line to the ring, the logger and `onLine`. Resolves `closed` when both streams ended.
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
  const logger = options.logger === undefined ? undefined : new StreamLogger(options.logger, name, options.pid, options.config);
  const splitter = new LineSplitter(options.config.maxLineBytes, ({ text, truncated }) => {
    options.lastLines.push(text);
    logger?.line(text, truncated);
    options.onLine({ stream: name, line: text, pid: options.pid, time: Date.now(), truncated });
  });
  return new Promise((resolve) => {
    const finish = (): void => {
      splitter.end();
      logger?.end();
      resolve();
    };
    stream.on('data', (chunk: Buffer) => splitter.push(chunk));
    stream.once('end', finish);
    stream.once('close', finish);
    stream.on('error', finish);
  });
}
