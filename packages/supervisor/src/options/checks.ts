import { describeValue } from './describe-value.js';

/** Small validators: each throws a TypeError that names the option and the value received. */

/** Node's timers fire at once beyond this (a 32-bit signed delay): no timeout may exceed it. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

export function fail(option: string, expected: string, value: unknown): never {
  throw new TypeError(`Option ${option} must be ${expected}, received ${describeValue(value)}`);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `value` when it is an object with only `allowed` keys, `{}` when undefined; else throws. */
export function optionObject(option: string, value: unknown, allowed: readonly string[]): Record<string, unknown> {
  if (value === undefined) return {};
  if (!isRecord(value)) fail(option, 'an object', value);
  onlyKeys(option, value, allowed);
  return value;
}

export function onlyKeys(option: string, value: Record<string, unknown>, allowed: readonly string[]): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) fail(`${option}.${key}`, `one of the known keys (${allowed.join(', ')})`, value[key]);
  }
}

export function nonEmptyString(option: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') fail(option, 'a non-empty string', value);
  return value;
}

/** A positive number of milliseconds a timer can wait (at most MAX_TIMER_MS, about 24.8 days). */
export function positiveMs(option: string, value: unknown, fallback: number): number {
  const v = value ?? fallback;
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0 || v > MAX_TIMER_MS) fail(option, `a number of milliseconds from 1 to ${MAX_TIMER_MS}`, v);
  return v;
}

/** Like positiveMs, 0 allowed. */
export function nonNegativeMs(option: string, value: unknown, fallback: number): number {
  const v = value ?? fallback;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > MAX_TIMER_MS) fail(option, `a number of milliseconds from 0 to ${MAX_TIMER_MS}`, v);
  return v;
}

export function integerAtLeast(option: string, value: unknown, fallback: number, min: number): number {
  const v = value ?? fallback;
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min) fail(option, `an integer >= ${min}`, v);
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

export function optionalFunction<F>(option: string, value: unknown): F | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'function') fail(option, 'a function', value);
  return value as F;
}
