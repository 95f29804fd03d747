import { parseDocument } from 'yaml';
import { BackendError, validationError } from '../../src/app/errors.js';
import type { TestSpec, TestSuite } from '../../src/contract/spec.js';
import type { LibraryValidator } from '../../src/library/index.js';

/** Stand-in for the spec module while it is written elsewhere: YAML through the yaml package, a name required. */
export const trivialValidator: LibraryValidator = {
  parseYaml(text, source) {
    const document = parseDocument(text, { prettyErrors: true });
    const error = document.errors[0];
    if (error !== undefined) {
      const position = error.linePos?.[0];
      throw new BackendError('INVALID_YAML', { message: `${source}: ${error.message}`, details: { line: position?.line ?? 1, column: position?.col ?? 1 } });
    }
    return document.toJS() as unknown;
  },
  validateTest(value, field) {
    const name = (value as { name?: unknown } | null)?.name;
    if (typeof name !== 'string') throw validationError(field === '' ? 'name' : `${field}.name`, 'is required');
    return value as TestSpec;
  },
  validateSuite(value, field) {
    const name = (value as { name?: unknown } | null)?.name;
    if (typeof name !== 'string') throw validationError(field === '' ? 'name' : `${field}.name`, 'is required');
    return value as TestSuite;
  },
  isSuite: (value) => typeof value === 'object' && value !== null && Array.isArray((value as { tests?: unknown }).tests),
};
