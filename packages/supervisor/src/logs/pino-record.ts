import type { Logger } from 'pino';

/** A line that is itself a pino JSON record. */
export interface PinoRecord {
  readonly level: number;
  readonly msg: string | undefined;
  readonly time: number | string | undefined;
  readonly fields: Record<string, unknown>;
}

/** Parses a line as a pino record (an object with a numeric level), else undefined. */
export function parsePinoRecord(line: string): PinoRecord | undefined {
  if (!line.startsWith('{') || !line.endsWith('}')) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const { level, msg, time, pid: _pid, hostname: _hostname, ...fields } = value as Record<string, unknown>;
  if (typeof level !== 'number') return undefined;
  return {
    level,
    msg: typeof msg === 'string' ? msg : undefined,
    time: typeof time === 'number' || typeof time === 'string' ? time : undefined,
    fields,
  };
}

/** The logger method for a numeric pino level (unknown levels map to the nearest lower standard one). */
export function levelMethod(logger: Logger, level: number): 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' {
  const label = logger.levels.labels[level];
  if (label === 'trace' || label === 'debug' || label === 'info' || label === 'warn' || label === 'error' || label === 'fatal') return label;
  if (level >= 60) return 'fatal';
  if (level >= 50) return 'error';
  if (level >= 40) return 'warn';
  if (level >= 30) return 'info';
  return level >= 20 ? 'debug' : 'trace';
}
