import type { Logger } from 'pino';
import { methodForName, methodForNumber, type LevelMethod } from './levels.js';

/** A line that is itself a structured log record (pino, Python JSON loggers, structlog). */
export interface JsonRecord {
  readonly method: LevelMethod;
  readonly msg: string;
  readonly fields: Record<string, unknown>;
}

/** Keys a level may come in: pino's `level` (a number or a name), Google's `severity`, Python's `levelname`. */
const LEVEL_KEYS = ['level', 'severity', 'levelname'] as const;
/** Keys a message may come in: pino's `msg`, Python's `message`, structlog's `event`. */
const MESSAGE_KEYS = ['msg', 'message', 'event'] as const;

/**
 * Parses a JSON object line with a recognised level, else undefined. The level and message keys used
 * are consumed; a field whose key is in `reserved` (the supervisor's own keys) is kept under
 * `child` + the key capitalised (`pid` -> `childPid`), so the supervisor's values always win.
 */
export function parseJsonRecord(line: string, logger: Logger, reserved: ReadonlySet<string>): JsonRecord | undefined {
  if (!line.startsWith('{') || !line.endsWith('}')) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  const levelKey = LEVEL_KEYS.find((key) => levelOf(record[key], logger) !== undefined);
  if (levelKey === undefined) return undefined;
  const method = levelOf(record[levelKey], logger) as LevelMethod;
  const messageKey = MESSAGE_KEYS.find((key) => typeof record[key] === 'string');
  const fields: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(record)) {
    if (key === levelKey || key === messageKey) continue;
    fields[reserved.has(key) ? `child${key.charAt(0).toUpperCase()}${key.slice(1)}` : key] = field;
  }
  return { method, msg: messageKey === undefined ? '' : (record[messageKey] as string), fields };
}

function levelOf(value: unknown, logger: Logger): LevelMethod | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return methodForNumber(logger, value);
  return typeof value === 'string' ? methodForName(value) : undefined;
}
