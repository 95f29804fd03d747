import type { JsonSchema } from '../assertions.js';
import { listOf, strictObject, text } from './builders.js';
import { SPEC_LIMITS as L } from './limits.js';
import { partialTestSpecSchema } from './test-spec.js';

/** A suite: tests (partial specs) sharing `defaults`; each merged test must be a full TestSpec. */
export const testSuiteSchema: JsonSchema = strictObject(
  {
    name: text(L.nameChars),
    version: text(L.labelChars),
    description: text(L.descriptionChars, 0),
    defaults: partialTestSpecSchema,
    tags: listOf(text(L.labelChars), L.tags, 0, { uniqueItems: true }),
    tests: listOf(partialTestSpecSchema, L.suiteTests, 1),
  },
  ['name', 'tests'],
);
