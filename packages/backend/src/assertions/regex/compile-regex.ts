import { RE2JS } from 're2js';
import { unsafeRegex } from '../errors.js';
import { MAX_REGEX_PROGRAM_SIZE } from '../limits.js';
import { formatCount } from '../text/format-number.js';
import { explainSyntaxError } from './explain-syntax-error.js';

/**
 * The JavaScript-style flags a regex assertion may use, and the RE2 flag each maps to (`u`: none,
 * RE2 always matches code points). Read when a regex is prepared, so RE2 is loaded at the first
 * regex, not with this module (the bundles compile it on first use: scripts/bundle/lazy-vendors.mjs).
 */
const flagBit = (flag: string): number | undefined => ({ i: RE2JS.CASE_INSENSITIVE, m: RE2JS.MULTILINE, s: RE2JS.DOTALL, u: 0 })[flag];

/** A pattern compiled by RE2 (linear-time matching), with what results show of it. */
export interface CompiledRegex {
  readonly regex: RE2JS;
  /** `/pattern/flags`, as the result's `expected`. */
  readonly display: string;
  /** RE2 program instructions: the factor of the linear matching time. */
  readonly programSize: number;
}

/** RE2 flag bits of a flags string such as `"im"`; throws naming `field` on anything else. */
export function parseFlags(flags: unknown, field: string): number {
  if (typeof flags !== 'string') throw unsafeRegex(field, 'must be a string of flags, any of "imsu"');
  let bits = 0;
  for (const [index, flag] of [...flags].entries()) {
    const bit = flagBit(flag);
    if (bit === undefined) throw unsafeRegex(field, `has the unknown flag ${JSON.stringify(flag)}; use any of i (ignore case), m (multiline), s (dot matches newline), u (Unicode)`);
    if (flags.indexOf(flag) !== index) throw unsafeRegex(field, `repeats the flag ${JSON.stringify(flag)}`);
    bits |= bit;
  }
  return bits;
}

/**
 * Compiles a user's regex with RE2 (re2js). Refuses, naming `field`: what RE2 cannot do in linear
 * time (back-references, lookaround), other syntax errors, and programs over
 * `MAX_REGEX_PROGRAM_SIZE` instructions.
 * @throws BackendError `UNSAFE_REGEX`.
 */
export function compileRegex(pattern: unknown, flags: string, flagBits: number, field: string): CompiledRegex {
  if (typeof pattern !== 'string') throw unsafeRegex(field, 'must be a string');
  let regex: RE2JS;
  try {
    regex = RE2JS.compile(pattern, flagBits);
  } catch (error) {
    throw unsafeRegex(field, explainSyntaxError(error), error);
  }
  const programSize = regex.programSize();
  if (programSize > MAX_REGEX_PROGRAM_SIZE) {
    throw unsafeRegex(
      field,
      `compiles to ${formatCount(programSize)} RE2 instructions, over the limit of ${formatCount(MAX_REGEX_PROGRAM_SIZE)}; large {n,m} repeat counts expand a pattern, lower them`,
    );
  }
  return { regex, display: `/${pattern}/${flags}`, programSize };
}
