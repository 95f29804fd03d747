import type { Logger } from 'pino';
import type { LogLine } from '../events.js';
import { levelMethod, parsePinoRecord } from './pino-record.js';

/**
 * Writes one child line to `logger`, a pino child with `{ service, stream, pid }`. A line that is a pino record keeps its level, msg and time
 * (the record's `time` is written after pino's own, so JSON readers see the child's time);
 * any other line is logged as `msg` at info (stdout) or warn (stderr).
 */
export function writeToLogger(logger: Logger, entry: LogLine): void {
  const record = parsePinoRecord(entry.line);
  if (record !== undefined) {
    const extra = record.time === undefined ? record.fields : { ...record.fields, time: record.time };
    logger[levelMethod(logger, record.level)](extra, record.msg ?? '');
    return;
  }
  const fields = entry.truncated ? { truncated: true } : {};
  if (entry.stream === 'stderr') logger.warn(fields, entry.line);
  else logger.info(fields, entry.line);
}
