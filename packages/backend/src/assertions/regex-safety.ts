/** Longest regex pattern accepted, in characters. */
export const MAX_REGEX_PATTERN_LENGTH = 512;
/** Longest output a regex is run against, in characters. */
export const MAX_REGEX_INPUT_LENGTH = 100_000;
/** Flags a regex assertion may use. */
export const ALLOWED_REGEX_FLAGS = /^(?!.*(.).*\1)[imsu]*$/;

interface GroupFrame {
  hasRepetition: boolean;
  hasAlternation: boolean;
}

interface Atom {
  readonly isGroup: boolean;
  readonly risky: boolean;
}

/** Index just past a character class starting at `start` (`[`). */
function skipClass(pattern: string, start: number): number {
  let index = start + 1;
  if (pattern[index] === '^') index += 1;
  if (pattern[index] === ']') index += 1;
  while (index < pattern.length && pattern[index] !== ']') index += pattern[index] === '\\' ? 2 : 1;
  return index + 1;
}

/** Reads a quantifier at `index`; returns its length and whether it repeats without a small bound. */
function readQuantifier(pattern: string, index: number): { length: number; repeats: boolean } | undefined {
  const char = pattern[index];
  if (char === '*' || char === '+') return { length: pattern[index + 1] === '?' ? 2 : 1, repeats: true };
  if (char === '?') return { length: pattern[index + 1] === '?' ? 2 : 1, repeats: false };
  const braces = /^\{(\d+)(,(\d*))?\}\??/.exec(pattern.slice(index));
  if (char !== '{' || braces === null) return undefined;
  const max = braces[2] === undefined ? Number(braces[1]) : braces[3] === '' ? Infinity : Number(braces[3]);
  return { length: braces[0].length, repeats: max > 1 };
}

/**
 * Why a pattern could backtrack catastrophically, or `undefined` if it looks safe. Conservative:
 * refuses back-references and any repeated group that itself contains a repetition or an
 * alternation (`(a+)+`, `(a|aa)*`), the shapes behind exponential backtracking.
 */
export function findRegexHazard(pattern: string): string | undefined {
  if (pattern.length > MAX_REGEX_PATTERN_LENGTH) return `is longer than ${MAX_REGEX_PATTERN_LENGTH} characters`;
  if (/\\[1-9]|\\k</.test(pattern)) return 'uses a back-reference';
  const stack: GroupFrame[] = [{ hasRepetition: false, hasAlternation: false }];
  let last: Atom | undefined;
  let index = 0;
  while (index < pattern.length) {
    const char = pattern[index];
    const frame = stack[stack.length - 1] as GroupFrame;
    const quantifier = readQuantifier(pattern, index);
    if (quantifier !== undefined && last !== undefined) {
      if (quantifier.repeats && last.isGroup && last.risky) return 'repeats a group that contains a repetition or alternation';
      if (quantifier.repeats) frame.hasRepetition = true;
      last = undefined;
      index += quantifier.length;
      continue;
    }
    if (char === '\\') {
      last = { isGroup: false, risky: false };
      index += 2;
    } else if (char === '[') {
      last = { isGroup: false, risky: false };
      index = skipClass(pattern, index);
    } else if (char === '(') {
      stack.push({ hasRepetition: false, hasAlternation: false });
      last = undefined;
      index += 1;
    } else if (char === ')') {
      const closed = stack.length > 1 ? (stack.pop() as GroupFrame) : frame;
      const parent = stack[stack.length - 1] as GroupFrame;
      parent.hasRepetition ||= closed.hasRepetition;
      last = { isGroup: true, risky: closed.hasRepetition || closed.hasAlternation };
      index += 1;
    } else {
      if (char === '|') frame.hasAlternation = true;
      last = char === '|' ? undefined : { isGroup: false, risky: false };
      index += 1;
    }
  }
  return undefined;
}
