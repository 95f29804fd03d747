import type { TestSpec, TestSuite } from '../contract/spec.js';

/**
 * What the library needs of the spec module, given to it rather than imported, so the file layer
 * does not depend on how specs are parsed and checked. Every method throws a `BackendError`:
 * `INVALID_YAML` with `line` and `column`, or `VALIDATION_ERROR` with `field`.
 */
export interface LibraryValidator {
  /** Parses one YAML document; `source` names it in messages (e.g. `tests/capital.yaml`). */
  parseYaml(text: string, source: string): unknown;
  /** Checks a test spec; `field` is the path its fields are named under (e.g. `test_spec`, or `''` for a whole file). */
  validateTest(value: unknown, field: string): TestSpec;
  /** Checks a suite; `field` as for {@link LibraryValidator.validateTest}. */
  validateSuite(value: unknown, field: string): TestSuite;
  /** True when a parsed document is a suite (it has `tests`), to say so when one is sent as a test. */
  isSuite(value: unknown): boolean;
}
