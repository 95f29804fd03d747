import { isSuiteDocument, parseYamlDocument, validateTestSpec, validateTestSuite } from '../spec/index.js';
import type { LibraryValidator } from './validator.js';

/** The library's validator made of the spec module's functions: what the backend runs with. */
export const specLibraryValidator: LibraryValidator = {
  parseYaml: (text, source) => parseYamlDocument(text, { source }),
  validateTest: (value, field) => validateTestSpec(value, field),
  validateSuite: (value, field) => validateTestSuite(value, field),
  isSuite: (value) => isSuiteDocument(value),
};
