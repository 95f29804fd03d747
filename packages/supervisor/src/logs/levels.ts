import type { Logger } from 'pino';

/** The logger methods a child's record can be written with. */
export type LevelMethod = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';

/** Level names as Python's logging, structlog, syslog, Google Cloud and pino write them. */
const NAMES: Readonly<Record<string, LevelMethod>> = {
  trace: 'trace',
  debug: 'debug',
  info: 'info',
  notice: 'info',
  warn: 'warn',
  warning: 'warn',
  error: 'error',
  err: 'error',
  exception: 'error',
  critical: 'fatal',
  crit: 'fatal',
  fatal: 'fatal',
  alert: 'fatal',
  emergency: 'fatal',
  emerg: 'fatal',
};

/** The method for a level name (any case), or undefined when it is not one. */
export function methodForName(name: string): LevelMethod | undefined {
  return NAMES[name.toLowerCase()];
}

/** The method for a numeric pino level (unknown levels map to the nearest lower standard one). */
export function methodForNumber(logger: Logger, level: number): LevelMethod {
  const label = logger.levels.labels[level];
  if (label !== undefined && Object.values(NAMES).includes(label as LevelMethod)) return label as LevelMethod;
  if (level >= 60) return 'fatal';
  if (level >= 50) return 'error';
  if (level >= 40) return 'warn';
  if (level >= 30) return 'info';
  return level >= 20 ? 'debug' : 'trace';
}
