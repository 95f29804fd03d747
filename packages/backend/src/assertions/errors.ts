import { BackendError, validationError } from '../app/errors.js';

/** A semantic problem with an assertion (`VALIDATION_ERROR`), naming its field. */
export const invalidAssertion = validationError;

/** A regex that cannot run or could not run in linear time (`UNSAFE_REGEX`), naming its field. */
export function unsafeRegex(field: string, problem: string, cause?: unknown): BackendError {
  return new BackendError('UNSAFE_REGEX', { message: `${field} ${problem}`, details: { field }, cause });
}
