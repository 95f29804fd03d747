import { BackendError } from '../app/errors.js';
import { ALLOWED_REGEX_FLAGS, MAX_REGEX_INPUT_LENGTH, findRegexHazard } from './regex-safety.js';
import type { AssertionResult, PreparedAssertion } from './types.js';

function unsafe(field: string, problem: string, cause?: unknown): BackendError {
  return new BackendError('UNSAFE_REGEX', { message: `${field} ${problem}`, details: { field }, cause });
}

/**
 * `regex`: the output matches the pattern. The pattern is checked before the model is called:
 * bounded length, allowed flags (`imsu`), no shapes that backtrack catastrophically; the output
 * it runs against is capped at {@link MAX_REGEX_INPUT_LENGTH} characters.
 * @throws BackendError `UNSAFE_REGEX` naming `field`.
 */
export function regexAssertion(pattern: string, flags: string, field: string): PreparedAssertion {
  if (!ALLOWED_REGEX_FLAGS.test(flags)) throw unsafe(`${field}.flags`, `has flags ${JSON.stringify(flags)}; use any of "imsu" once`);
  const hazard = findRegexHazard(pattern);
  if (hazard !== undefined) throw unsafe(field, hazard);
  let compiled: RegExp;
  try {
    compiled = new RegExp(pattern, flags);
  } catch (error) {
    throw unsafe(field, `is not a valid regular expression: ${(error as Error).message}`, error);
  }
  const expected = flags === '' ? pattern : `/${pattern}/${flags}`;
  return {
    kind: 'regex',
    expected,
    evaluate({ output }): AssertionResult {
      if (output.length > MAX_REGEX_INPUT_LENGTH) {
        const message = `output has ${output.length} characters; regex checks stop at ${MAX_REGEX_INPUT_LENGTH}`;
        return { kind: 'regex', expected, passed: false, message };
      }
      const passed = compiled.test(output);
      return { kind: 'regex', expected, passed, message: `output ${passed ? 'matches' : 'does not match'} ${expected}` };
    },
  };
}
