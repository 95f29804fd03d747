import type { JsonSchema } from '../assertions.js';
import { listOf, strictObject, text } from './builders.js';
import { SPEC_LIMITS as L } from './limits.js';
import { partialTestSpecSchema } from './test-spec.js';

const partialTestSpec: JsonSchema = { $ref: '#/definitions/partialTestSpec' };

/**
 * A suite: tests (partial specs) sharing `defaults`; each merged test must be a full TestSpec.
 * Self-contained (its one `$ref` points into its own `definitions`, so the partial spec is
 * compiled once for both `defaults` and `tests`).
 */
export const testSuiteSchema: JsonSchema = strictObject(
  {
    name: text(L.nameChars),
    version: text(L.labelChars),
    description: text(L.descriptionChars, 0),
    defaults: partialTestSpec,
    tags: listOf(text(L.labelChars), L.tags, 0, { uniqueItems: true }),
    tests: listOf(partialTestSpec, L.suiteTests, 1),
  },
  ['name', 'tests'],
  { definitions: { partialTestSpec: partialTestSpecSchema } },
);
