import { invalidAssertion } from './errors.js';

/**
 * Semantic checks of assertion values. The spec's JSON Schema has checked their shape already;
 * these re-check the type (so a caller that skipped the schema still gets a field-named 400) and
 * what the schema cannot say: no empty needle, counts that are whole and not negative.
 */

/** A text to look for: a non-empty string. */
export function requireText(value: unknown, field: string): string {
  if (typeof value !== 'string') throw invalidAssertion(field, 'must be a string');
  if (value.length === 0) throw invalidAssertion(field, 'must not be empty (an empty text is in every output)');
  return value;
}

/** A non-empty list of non-empty texts. */
export function requireTextList(value: unknown, field: string): readonly string[] {
  if (!Array.isArray(value)) throw invalidAssertion(field, 'must be a list of strings');
  if (value.length === 0) throw invalidAssertion(field, 'must list at least one text');
  return value.map((item: unknown, index) => requireText(item, `${field}[${index}]`));
}

/** A text or a list of texts, as a list. */
export function requireTextOrList(value: unknown, field: string): readonly string[] {
  return typeof value === 'string' ? [requireText(value, field)] : requireTextList(value, field);
}

/** A count (tokens, characters, milliseconds): a whole number, zero or more. */
export function requireCount(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw invalidAssertion(field, 'must be a whole number, zero or more');
  }
  return value;
}

/** An amount of money in USD: a finite number, zero or more. */
export function requireAmount(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw invalidAssertion(field, 'must be an amount in USD, zero or more');
  }
  return value;
}
