import { inspect } from 'node:util';

const MAX_DESCRIPTION = 200;

/**
 * A value as an error message shows it: JSON for plain data (strings quoted), and Node's inspect for
 * anything JSON would misreport (NaN and Infinity as null, `console` or a class instance as `{}`,
 * functions, undefined, symbols, bigints).
 */
export function describeValue(value: unknown): string {
  const text = isPlainJson(value, 0) ? JSON.stringify(value) : inspect(value, { depth: 1, breakLength: Infinity, maxArrayLength: 10, maxStringLength: 80 });
  return text.length > MAX_DESCRIPTION ? `${text.slice(0, MAX_DESCRIPTION)}…` : text;
}

function isPlainJson(value: unknown, depth: number): boolean {
  if (depth > 4) return false;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every((item) => isPlainJson(item, depth + 1));
  if (typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return false;
  return Object.values(value).every((item) => isPlainJson(item, depth + 1));
}
