/** Small validators: each throws a TypeError that names the option and the value received. */

export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'function') return 'a function';
  if (value instanceof RegExp) return String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

export function fail(option: string, expected: string, value: unknown): never {
  throw new TypeError(`Option ${option} must be ${expected}, received ${describe(value)}`);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function nonEmptyString(option: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') fail(option, 'a non-empty string', value);
  return value;
}

export function positiveMs(option: string, value: unknown, fallback: number): number {
  const v = value ?? fallback;
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) fail(option, 'a positive number of milliseconds', v);
  return v;
}

export function nonNegativeMs(option: string, value: unknown, fallback: number): number {
  const v = value ?? fallback;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) fail(option, 'a non-negative number of milliseconds', v);
  return v;
}

export function integerAtLeast(option: string, value: unknown, fallback: number, min: number): number {
  const v = value ?? fallback;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min) fail(option, `an integer >= ${min}`, v);
  return v;
}

export function numberInRange(option: string, value: unknown, fallback: number, min: number, max: number): number {
  const v = value ?? fallback;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) fail(option, `a number from ${min} to ${max}`, v);
  return v;
}

export function optionalBoolean(option: string, value: unknown, fallback: boolean): boolean {
  const v = value ?? fallback;
  if (typeof v !== 'boolean') fail(option, 'a boolean', v);
  return v;
}

export function httpPath(option: string, value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || /[\s#]/.test(value)) fail(option, "a path starting with '/'", value);
  return value;
}

export function onlyKeys(option: string, value: Record<string, unknown>, allowed: readonly string[]): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) fail(`${option}.${key}`, `one of the known keys (${allowed.join(', ')})`, value[key]);
  }
}
