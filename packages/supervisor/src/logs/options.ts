import type { Logger } from 'pino';
import { fail, integerAtLeast, isRecord, optionalBoolean, optionObject } from '../options/checks.js';

/** Longest log line kept, in bytes; the rest of the line is dropped and the record marked truncated. */
export const DEFAULT_MAX_LINE_BYTES = 64 * 1024;
/** Number of output lines kept for the 'exit' event. */
export const DEFAULT_LAST_LINES = 30;
/** How long a Python traceback or Node stack trace may wait for its next line before its record is written. */
export const STACK_GROUP_WAIT_MS = 50;

/** Log handling. */
export interface LogOptions {
  /** Longest line kept, in bytes; the rest is dropped and the line marked `truncated`. @default 65536 */
  readonly maxLineBytes?: number;
  /** Output lines kept for the 'exit' event's `lastLines`. @default 30 */
  readonly lastLines?: number;
  /**
   * Write the lines of one Python traceback or Node stack trace as one logger record (at most
   * maxLineBytes, each line waiting at most 50 ms for the next). 'log' events stay one per line.
   * @default true
   */
  readonly groupStackTraces?: boolean;
}

export interface LogConfig {
  readonly maxLineBytes: number;
  readonly lastLines: number;
  readonly groupStackTraces: boolean;
}

export function parseLogs(value: unknown): LogConfig {
  const raw = optionObject('logs', value, ['maxLineBytes', 'lastLines', 'groupStackTraces']);
  return {
    maxLineBytes: integerAtLeast('logs.maxLineBytes', raw['maxLineBytes'], DEFAULT_MAX_LINE_BYTES, 64),
    lastLines: integerAtLeast('logs.lastLines', raw['lastLines'], DEFAULT_LAST_LINES, 0),
    groupStackTraces: optionalBoolean('logs.groupStackTraces', raw['groupStackTraces'], true),
  };
}

/** A pino Logger (anything with child() and the level methods), or undefined. */
export function parseLogger(value: unknown): Logger | undefined {
  if (value === undefined) return undefined;
  const methods = ['child', 'trace', 'debug', 'info', 'warn', 'error', 'fatal'];
  if (!isRecord(value) || methods.some((m) => typeof value[m] !== 'function') || !isRecord(value['levels'])) fail('logger', 'a pino Logger', value);
  return value as unknown as Logger;
}
