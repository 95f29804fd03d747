import { RE2JSSyntaxException } from 're2js';

/** Why RE2 refused a pattern, in words that say what to write instead. */
export function explainSyntaxError(error: unknown): string {
  if (!(error instanceof RE2JSSyntaxException)) return `could not be compiled: ${(error as Error).message}`;
  const description = error.getDescription();
  const snippet = error.input ?? '';
  if (description === 'invalid escape sequence') {
    if (/^\\[1-9]/.test(snippet)) {
      return `uses a back-reference (${snippet}); RE2 matches in linear time and cannot match back-references`;
    }
    if (snippet === '\\k') return 'uses a named back-reference (\\k<name>); RE2 matches in linear time and cannot match back-references';
    if (snippet === '\\u') return 'uses \\u; write a code point as \\x{00E9} (RE2 syntax)';
    if (snippet === '\\Z') return 'uses \\Z; write \\z for the end of the text (RE2 syntax)';
    return `uses the escape ${snippet}, which RE2 does not know`;
  }
  if (description === 'invalid or unsupported Perl syntax' && (snippet === '(?=' || snippet === '(?!')) {
    return `uses the lookahead ${snippet}; RE2 matches in linear time and cannot do lookaround`;
  }
  if (description === 'invalid or unsupported Perl syntax' && snippet === '(?>') {
    return 'uses an atomic group (?>; RE2 never backtracks and has none: write (?: instead';
  }
  if (description === 'invalid named capture' && (snippet.startsWith('(?<=') || snippet.startsWith('(?<!'))) {
    return `uses the lookbehind ${snippet.slice(0, 4)}; RE2 matches in linear time and cannot do lookaround`;
  }
  if (description === 'invalid repeat count') {
    return `has the repeat count ${snippet}, over RE2's limit of 1000 (nested repeats multiply)`;
  }
  if (description === 'invalid nested repetition operator') {
    return `repeats a repetition (${snippet}); possessive quantifiers such as a++ do not exist in RE2, write a+`;
  }
  return `is not a valid RE2 regular expression: ${description}${snippet === '' ? '' : ` at ${snippet}`}`;
}
