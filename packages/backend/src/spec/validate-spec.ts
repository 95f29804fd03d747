import { validationError } from '../app/errors.js';
import { testSpecSchema } from '../contract/schemas/test-spec.js';
import { testSuiteSchema } from '../contract/schemas/test-suite.js';
import type { PartialTestSpec, TestSpec, TestSuite } from '../contract/spec.js';
import { canonicalizeSpec } from './aliases.js';
import { mergeDefaults } from './merge-defaults.js';
import { assertPlainData } from './plain-data.js';
import { assertMatchesSchema } from './schema-validator.js';

/**
 * Checks a test spec (parsed JSON or YAML) against the format: no `__proto__`/`constructor`/
 * `prototype` key and no nesting past the limit, the TestSpec JSON Schema, no alias given together
 * with its canonical field. Returns the spec as written (aliases kept).
 * @throws BackendError 400 `VALIDATION_ERROR` with `details.field` under `field`, e.g. `test_spec.model_config.temperature`.
 */
export function validateTestSpec(value: unknown, field = 'test_spec'): TestSpec {
  assertPlainData(value, field);
  const spec = assertMatchesSchema<TestSpec>(testSpecSchema, value, field);
  canonicalizeSpec(spec, field);
  return spec;
}

/** Whether a parsed document says it is a suite: an object with a `tests` field. */
export function isSuiteDocument(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.hasOwn(value, 'tests');
}

/**
 * Each test of a suite with the suite's `defaults` merged in (see {@link mergeDefaults}), in
 * canonical form (aliases rewritten), each validated as a full TestSpec: errors name
 * `suite.tests[2].model`. The suite itself must already be valid ({@link validateTestSuite}).
 */
export function expandSuite(suite: TestSuite, field = 'suite'): TestSpec[] {
  const defaults = suite.defaults === undefined ? {} : canonicalizeSpec(suite.defaults, `${field}.defaults`).spec;
  return suite.tests.map((test, index) => {
    const testField = `${field}.tests[${index}]`;
    const merged = mergeDefaults(defaults, canonicalizeSpec<PartialTestSpec>(test, testField).spec);
    return assertMatchesSchema<TestSpec>(testSpecSchema, merged, testField);
  });
}

/**
 * Checks a suite: the same data rules as {@link validateTestSpec}, the TestSuite JSON Schema,
 * and every test once the defaults are merged (so a suite that validates can run). Returns the
 * suite as written.
 */
export function validateTestSuite(value: unknown, field = 'suite'): TestSuite {
  assertPlainData(value, field);
  const suite = assertMatchesSchema<TestSuite>(testSuiteSchema, value, field);
  const names = new Set<string>();
  expandSuite(suite, field).forEach((test, index) => {
    if (names.has(test.name)) throw validationError(`${field}.tests[${index}].name`, `repeats the name "${test.name}": each test of a suite needs its own name`);
    names.add(test.name);
  });
  return suite;
}
