import { LIBRARY_ID_PATTERN, PROVIDERS, RUN_ID_PATTERN, type ProviderName } from '@sentinel/backend/contract';
import { DESKTOP_ERROR_CODES, DesktopError } from './errors.js';

/**
 * Checks of the arguments that reach the host from the renderer (every bridge function validates
 * its own): types, lengths and ids. Whether a spec or a suite is valid is the backend's to judge;
 * the host only bounds their size. Each failure is a coded error naming the field.
 */

/** Longest YAML document accepted (the backend's spec module reads at most 256 Ki characters). */
export const MAX_YAML_CHARS = 256 * 1024;
/** Largest spec or suite value accepted, as JSON. */
export const MAX_VALUE_JSON_CHARS = 1024 * 1024;

export function invalid(field: string, message: string): DesktopError {
  return new DesktopError(DESKTOP_ERROR_CODES.INVALID_INPUT, `${field} ${message}`, { details: { field } });
}

export function text(value: unknown, field: string, max: number, options: { allowEmpty?: boolean } = {}): string {
  if (typeof value !== 'string') throw invalid(field, 'must be a string');
  if (!options.allowEmpty && value.trim().length === 0) throw invalid(field, 'must not be empty');
  if (value.length > max) throw invalid(field, `must be at most ${max} characters`);
  return value;
}

/** A plain object with only the `allowed` keys (undefined values count as absent). */
export function record(value: unknown, field: string, allowed: readonly string[]): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid(field, 'must be an object');
  const extra = Object.keys(value).find((key) => !allowed.includes(key));
  if (extra !== undefined) throw invalid(`${field}.${extra.slice(0, 40)}`, 'is not allowed');
  return value as Record<string, unknown>;
}

/** An optional object: undefined or null is `{}`. */
export function optionalRecord(value: unknown, field: string, allowed: readonly string[]): Record<string, unknown> {
  return value === undefined || value === null ? {} : record(value, field, allowed);
}

export function integer(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) throw invalid(field, `must be an integer from ${min} to ${max}`);
  return value;
}

export function boolean(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') throw invalid(field, 'must be true or false');
  return value;
}

function matching(value: unknown, field: string, pattern: string, what: string): string {
  if (typeof value !== 'string' || !new RegExp(pattern).test(value)) throw invalid(field, `must be ${what}`);
  return value;
}

/** A library test or suite id (`capital-of-france`). */
export const libraryId = (value: unknown, field = 'id'): string => matching(value, field, LIBRARY_ID_PATTERN, 'a library id (lowercase letters, digits, . _ -)');
/** A run or suite-run id (24 hex digits). */
export const runId = (value: unknown, field = 'id'): string => matching(value, field, RUN_ID_PATTERN, 'a run id (24 hex digits)');
/** A library file's revision (32 hex digits). */
export const revision = (value: unknown, field = 'revision'): string => matching(value, field, '^[0-9a-f]{32}$', 'a revision (32 hex digits)');

export function providerName(value: unknown, field = 'provider'): ProviderName {
  if (!PROVIDERS.includes(value as ProviderName)) throw invalid(field, `must be one of ${PROVIDERS.join(', ')}`);
  return value as ProviderName;
}

/** A spec or suite value: a plain object of bounded size (its content is the backend's to judge). */
export function documentValue<T>(value: unknown, field: string): T {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid(field, 'must be an object');
  if (JSON.stringify(value).length > MAX_VALUE_JSON_CHARS) throw invalid(field, `must be at most ${MAX_VALUE_JSON_CHARS} characters as JSON`);
  return value as T;
}

/** YAML text of bounded length (may be empty: the backend says what is missing). */
export const yamlText = (value: unknown, field = 'yaml'): string => text(value, field, MAX_YAML_CHARS, { allowEmpty: true });

/** An API key typed by the user: a single line of printable ASCII, sane length. */
export function apiKey(value: unknown, field = 'key'): string {
  if (typeof value !== 'string') throw invalid(field, 'must be a string');
  const key = value.trim();
  if (key.length < 8 || key.length > 512) throw invalid(field, 'must be between 8 and 512 characters');
  if (!/^[\x21-\x7e]+$/.test(key)) throw invalid(field, 'must not contain spaces or control characters');
  return key;
}
