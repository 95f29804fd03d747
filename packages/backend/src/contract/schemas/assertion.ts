import { ASSERTION_KINDS, OUTPUT_TYPES, type AssertionKind, type JsonSchema } from '../assertions.js';
import { freeFormObject, forbidden, integer, listOf, numberIn, strictObject, text } from './builders.js';
import { REGEX_FLAGS_PATTERN, SPEC_LIMITS as L, TOOL_NAME_PATTERN } from './limits.js';

const needle = text(L.assertionTextChars);
const needles = listOf(needle, L.assertionItems, 1);
const regex = text(L.regexChars);
const toolName = text(64, 1, { pattern: TOOL_NAME_PATTERN });

/** The exact value shape of each assertion kind. */
export const ASSERTION_VALUE_SCHEMAS: Readonly<Record<AssertionKind, JsonSchema>> = {
  must_contain: needle,
  must_not_contain: needle,
  regex_match: regex,
  regex,
  must_call_tool: {
    type: ['string', 'array'],
    minLength: 1,
    maxLength: 64,
    pattern: TOOL_NAME_PATTERN,
    items: toolName,
    minItems: 1,
    maxItems: L.assertionItems,
  },
  output_type: { type: 'string', enum: [...OUTPUT_TYPES] },
  max_latency_ms: integer(1, L.latencyMs),
  min_tokens: integer(0, L.maxTokens),
  max_tokens: integer(0, L.maxTokens),
  min_length: integer(0, L.outputChars),
  max_length: integer(0, L.outputChars),
  icontains: needle,
  equals: text(L.equalsChars, 0),
  starts_with: needle,
  contains_any: needles,
  contains_all: needles,
  is_json: {
    type: ['boolean', 'object'],
    if: { type: 'boolean' },
    then: { const: true },
    else: strictObject({ schema: freeFormObject(1_000) }, ['schema']),
  },
  max_cost_usd: numberIn(0, L.costUsd),
};

/** The error text of an assertion without exactly one kind. */
export const ONE_KIND_PER_ASSERTION = `must have exactly one assertion kind (one of ${ASSERTION_KINDS.join(', ')}); flags may sit beside regex or regex_match`;

/**
 * One assertion: exactly one kind key with its value shape, plus `flags` only beside `regex` or
 * `regex_match`.
 */
export const assertionSchema: JsonSchema = {
  ...strictObject({ ...ASSERTION_VALUE_SCHEMAS, flags: text(4, 0, { pattern: REGEX_FLAGS_PATTERN }) }),
  minProperties: 1,
  description: ONE_KIND_PER_ASSERTION,
  if: { required: ['flags'] },
  then: {
    maxProperties: 2,
    description: ONE_KIND_PER_ASSERTION,
    if: { anyOf: [{ required: ['regex'] }, { required: ['regex_match'] }] },
    else: { properties: { flags: forbidden('is only allowed beside regex or regex_match') } },
  },
  else: { maxProperties: 1, description: ONE_KIND_PER_ASSERTION },
};
