import type { RegExpEngine, RegExpLike } from 'ajv/dist/types/index.js';
import { RE2JS } from 're2js';
import { MAX_REGEX_PROGRAM_SIZE } from '../limits.js';
import { explainSyntaxError } from '../regex/explain-syntax-error.js';
import { formatCount } from '../text/format-number.js';

/** A schema `pattern` (or `patternProperties` key) that RE2 refused; compile-time only. */
export class SchemaPatternError extends Error {
  readonly pattern: string;

  constructor(pattern: string, problem: string, cause?: unknown) {
    super(`has the pattern ${JSON.stringify(pattern)}, which ${problem}`, { cause });
    this.name = 'SchemaPatternError';
    this.pattern = pattern;
  }
}

/** Program sizes of the patterns compiled while a schema compiles (see {@link collectPatternSizes}). */
let collector: number[] | undefined;

/** Runs `compile` and returns the RE2 program sizes of every pattern it compiled. */
export function collectPatternSizes<T>(compile: () => T): { readonly result: T; readonly sizes: readonly number[] } {
  const sizes: number[] = [];
  collector = sizes;
  try {
    return { result: compile(), sizes };
  } finally {
    collector = undefined;
  }
}

function compilePattern(pattern: string): RegExpLike {
  let regex: RE2JS;
  try {
    regex = RE2JS.compile(pattern);
  } catch (error) {
    throw new SchemaPatternError(pattern, explainSyntaxError(error), error);
  }
  const size = regex.programSize();
  if (size > MAX_REGEX_PROGRAM_SIZE) {
    throw new SchemaPatternError(pattern, `compiles to ${formatCount(size)} RE2 instructions, over the limit of ${formatCount(MAX_REGEX_PROGRAM_SIZE)}`);
  }
  collector?.push(size);
  // Ajv keys its cache of patterns by toString(): keep it unique per pattern.
  return { test: (text: string) => regex.test(text), toString: () => `re2:${pattern}` } as RegExpLike;
}

/**
 * Ajv's `code.regExp` engine backed by RE2 (re2js): `pattern` and `patternProperties` of a user's
 * schema match in linear time. RE2 always matches by code point, so Ajv's `u` flag needs nothing.
 */
export const re2Engine: RegExpEngine = Object.assign((pattern: string) => compilePattern(pattern), { code: 're2js' });
