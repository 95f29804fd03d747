import { describe, expect, it } from 'vitest';
import { evaluateAssertions, MATCH_EXCERPT_WORK, MAX_REGEX_WORK, prepareAssertions, type AssertionSpec } from '../../src/assertions/index.js';
import { BASE_SUBJECT, checkOne, prepareError } from './subject.js';

/** The shapes that backtrack catastrophically in JavaScript's RegExp; RE2 runs them in linear time. */
const PATHOLOGICAL = [
  { pattern: '(a?a?)*b', output: 'a'.repeat(250_000), passed: false },
  { pattern: 'a*a*a*b', output: 'a'.repeat(250_000), passed: false },
  { pattern: '^(\\w?\\w)*$', output: `${'a'.repeat(250_000)}!`, passed: false },
  { pattern: '.*.*.*=', output: 'The capital of France is Paris. '.repeat(7_000), passed: false },
  { pattern: '.*.*.*=', output: `${'The capital of France is Paris. '.repeat(7_000)}=`, passed: true },
  { pattern: '(a+)+$', output: `${'a'.repeat(250_000)}!`, passed: false },
  { pattern: '(a+)+$', output: 'a'.repeat(250_000), passed: true },
  { pattern: '(x+x+)+y', output: 'x'.repeat(250_000), passed: false },
];

describe('regex and regex_match', () => {
  // With a backtracking engine each of these would run for years; vitest's test timeout fails it.
  it.each(PATHOLOGICAL)('accepts $pattern and runs it on $output.length characters', ({ pattern, output, passed }) => {
    for (const kind of ['regex', 'regex_match']) {
      const result = checkOne({ [kind]: pattern }, { output });
      expect(result.passed).toBe(passed);
      expect(result.message).toMatch(passed ? /^output matches/ : /^output does not match/);
    }
  });

  it.each([
    { name: 'no flags: ^ is the start of the text', spec: { regex: '^second$' }, passed: false },
    { name: 'm: ^ and $ at every line', spec: { regex: '^second$', flags: 'm' }, passed: true },
    { name: 'regex_match defaults to ms, like the original Sentinel', spec: { regex_match: '^second$' }, passed: true },
    { name: 'regex_match with flags replaces the default', spec: { regex_match: '^second$', flags: '' }, passed: false },
    { name: 'no s: . stops at a newline', spec: { regex: 'first.second' }, passed: false },
    { name: 's: . matches a newline', spec: { regex: 'first.second', flags: 's' }, passed: true },
    { name: 'regex_match: . matches a newline by default', spec: { regex_match: 'first.second' }, passed: true },
    { name: 'no i: case-sensitive', spec: { regex: 'SECOND' }, passed: false },
    { name: 'i: case-insensitive', spec: { regex: 'SECOND', flags: 'i' }, passed: true },
    { name: 'i is Unicode-aware', spec: { regex: 'ÉTÉ', flags: 'i' }, passed: true },
    { name: 'u: accepted; RE2 always matches code points', spec: { regex: '^😀$', flags: 'u' }, output: '😀', passed: true },
    { name: 'a dot is one code point without u too', spec: { regex: '^.$' }, output: '😀', passed: true },
    { name: 'all four flags', spec: { regex: '^FIRST.SECOND', flags: 'imsu' }, passed: true },
  ])('flags: $name', ({ spec, output, passed }) => {
    expect(checkOne(spec, { output: output ?? 'first\nsecond\nété' }).passed).toBe(passed);
  });

  it.each([
    { spec: { regex: '(a)\\1' }, field: 'regex', reason: 'uses a back-reference (\\1); RE2 matches in linear time and cannot match back-references' },
    { spec: { regex: '(?<n>a)\\k<n>' }, field: 'regex', reason: 'uses a named back-reference (\\k<name>); RE2 matches in linear time and cannot match back-references' },
    { spec: { regex_match: 'a(?=b)' }, field: 'regex_match', reason: 'uses the lookahead (?=; RE2 matches in linear time and cannot do lookaround' },
    { spec: { regex_match: 'a(?!b)' }, field: 'regex_match', reason: 'uses the lookahead (?!; RE2 matches in linear time and cannot do lookaround' },
    { spec: { regex: '(?<=a)b' }, field: 'regex', reason: 'uses the lookbehind (?<=; RE2 matches in linear time and cannot do lookaround' },
    { spec: { regex: '(?<!a)b' }, field: 'regex', reason: 'uses the lookbehind (?<!; RE2 matches in linear time and cannot do lookaround' },
    { spec: { regex: '(?>a+)b' }, field: 'regex', reason: 'uses an atomic group (?>; RE2 never backtracks and has none: write (?: instead' },
    { spec: { regex: '\\u00e9' }, field: 'regex', reason: 'uses \\u; write a code point as \\x{00E9} (RE2 syntax)' },
    { spec: { regex: 'end\\Z' }, field: 'regex', reason: 'uses \\Z; write \\z for the end of the text (RE2 syntax)' },
    { spec: { regex: 'a{1001}' }, field: 'regex', reason: "has the repeat count {1001}, over RE2's limit of 1000 (nested repeats multiply)" },
    { spec: { regex: 'a++' }, field: 'regex', reason: 'repeats a repetition (++); possessive quantifiers such as a++ do not exist in RE2, write a+' },
    { spec: { regex: '(' }, field: 'regex', reason: 'is not a valid RE2 regular expression: missing closing ) at (' },
    { spec: { regex: '.{0,1000}' }, field: 'regex', reason: 'compiles to 2,002 RE2 instructions, over the limit of 1,000; large {n,m} repeat counts expand a pattern, lower them' },
    { spec: { regex: 'a', flags: 'g' }, field: 'flags', reason: 'has the unknown flag "g"; use any of i (ignore case), m (multiline), s (dot matches newline), u (Unicode)' },
    { spec: { regex_match: 'a', flags: 'mm' }, field: 'flags', reason: 'repeats the flag "m"' },
    { spec: { regex: 'a', flags: 1 }, field: 'flags', reason: 'must be a string of flags, any of "imsu"' },
    { spec: { regex: 7 }, field: 'regex', reason: 'must be a string' },
  ])('refuses $spec with UNSAFE_REGEX naming .$field', ({ spec, field, reason }) => {
    const error = prepareError([{ must_contain: 'x' }, spec]);
    const name = `test_spec.assertions[1].${field}`;
    expect({ code: error.code, field: error.details.field, message: error.message }).toEqual({ code: 'UNSAFE_REGEX', field: name, message: `${name} ${reason}` });
  });

  it('fails without running when output length × program size is over the work limit, and says why', () => {
    const [prepared] = prepareAssertions([{ regex: '[ab]*a[ab]{500}[cd]' }]);
    const size = prepared?.regexProgramSize ?? 0;
    const fits = 'ab'.repeat(Math.floor(MAX_REGEX_WORK / size / 2));
    expect(checkOne({ regex: '[ab]*a[ab]{500}[cd]' }, { output: fits }).message).toMatch(/^output does not match/);
    const result = checkOne({ regex: '[ab]*a[ab]{500}[cd]' }, { output: `${fits}abab` });
    expect(result).toMatchObject({ passed: false, actual: null });
    expect(result.message).toBe(
      `not checked: matching /[ab]*a[ab]{500}[cd]/ on this output (${(fits.length + 4).toLocaleString('en-US')} characters × ${size} RE2 instructions = ` +
        `${((fits.length + 4) * size).toLocaleString('en-US')}) is over this assertion's regex work limit of 3,000,000; simplify the pattern or ask for a shorter answer`,
    );
  });

  it('shares the work limit equally among the regex-using assertions of a spec', () => {
    const output = 'a'.repeat(250_000);
    const alone = prepareAssertions([{ regex: 'a*a*a*b' }, { must_contain: 'a' }]);
    const shared = prepareAssertions([{ regex: 'a*a*a*b' }, { regex_match: 'a+' }, { must_contain: 'a' }]);
    expect(evaluateAssertions(alone, { ...BASE_SUBJECT, output }).results[0]?.message).toMatch(/^output does not match/);
    const [first, second] = evaluateAssertions(shared, { ...BASE_SUBJECT, output }).results;
    expect(first?.message).toMatch(/regex work limit of 1,500,000/);
    expect(second?.message).toMatch(/^output matches/);
  });

  it('quotes the matched text when finding it is cheap, and only says "matches" on long outputs', () => {
    const long = `${'x'.repeat(MATCH_EXCERPT_WORK / 5)} 2024-05-17`;
    expect(checkOne({ regex: '\\d{4}-\\d{2}' }, { output: 'On 2024-05-17.' })).toMatchObject({ message: 'output matches /\\d{4}-\\d{2}/: "2024-05"', actual: 'On 2024-05-17.' });
    const result = checkOne({ regex: '\\d{4}-\\d{2}' }, { output: long });
    expect(result.message).toBe('output matches /\\d{4}-\\d{2}/');
    expect(String(result.actual)).toHaveLength(200);
  });

  it('keeps the legacy `regex` and the original `regex_match` as separate kinds in results', () => {
    const specs: AssertionSpec[] = [{ regex: 'Paris' }, { regex_match: 'Paris' }];
    expect(evaluateAssertions(prepareAssertions(specs), BASE_SUBJECT).results.map((result) => [result.kind, result.expected])).toEqual([
      ['regex', '/Paris/'],
      ['regex_match', '/Paris/ms'],
    ]);
  });
});
