import type { JsonSchema } from '../assertions.js';
import { PROVIDERS } from '../providers.js';
import { assertionSchema } from './assertion.js';
import { freeFormObject, integer, listOf, numberIn, strictObject, text } from './builders.js';
import { MODEL_ID_PATTERN, SPEC_LIMITS as L, TOOL_NAME_PATTERN } from './limits.js';

/** One turn of `inputs.messages`. */
export const messageSchema: JsonSchema = strictObject(
  { role: { type: 'string', enum: ['user', 'assistant', 'system'] }, content: text(L.promptChars) },
  ['role', 'content'],
);

/** `inputs`: at least one of query, messages, system_prompt (alias system), context. */
export const inputsSchema: JsonSchema = strictObject(
  {
    query: text(L.promptChars),
    messages: listOf(messageSchema, L.messages, 1),
    system_prompt: text(L.promptChars, 0),
    system: text(L.promptChars, 0),
    context: freeFormObject(L.freeFormKeys),
  },
  [],
  { minProperties: 1, description: 'must have at least one of query, messages, system_prompt, context' },
);

const temperature = numberIn(0, 2);
const maxTokens = integer(1, L.maxTokens);

/** `model_config` (alias `config`): sampling parameters. */
export const modelConfigSchema: JsonSchema = strictObject({
  temperature,
  max_tokens: maxTokens,
  top_p: numberIn(0, 1),
  top_k: integer(1, L.topK),
  stop_sequences: listOf(text(L.stopSequenceChars), L.stopSequences),
});

/** One tool: a bare name, or `{ name, description?, parameters? }`. */
export const toolSchema: JsonSchema = {
  type: ['string', 'object'],
  minLength: 1,
  maxLength: 64,
  pattern: TOOL_NAME_PATTERN,
  additionalProperties: false,
  required: ['name'],
  properties: {
    name: text(64, 1, { pattern: TOOL_NAME_PATTERN }),
    description: text(L.toolDescriptionChars, 0),
    parameters: freeFormObject(L.freeFormKeys),
  },
};

const tags = listOf(text(L.labelChars), L.tags, 0, { uniqueItems: true });

/** Every field of a TestSpec, each with its own bounds (shared by full and partial specs). */
export const testSpecProperties: Readonly<Record<string, JsonSchema>> = {
  name: text(L.nameChars),
  description: text(L.descriptionChars, 0),
  category: text(L.labelChars),
  model: text(L.modelChars, 1, { pattern: MODEL_ID_PATTERN }),
  provider: { type: 'string', enum: [...PROVIDERS] },
  inputs: inputsSchema,
  assertions: listOf(assertionSchema, L.assertions, 1),
  model_config: modelConfigSchema,
  config: modelConfigSchema,
  tools: listOf(toolSchema, L.tools),
  framework: text(L.labelChars),
  framework_config: freeFormObject(L.freeFormKeys),
  seed: integer(Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER),
  timeout_ms: integer(1, L.timeoutMs),
  tags,
  max_tokens: maxTokens,
  temperature,
};

/** Fields a runnable TestSpec must have. */
export const TEST_SPEC_REQUIRED = ['name', 'model', 'inputs', 'assertions'] as const;

/** A complete test spec (the original Sentinel's format plus this backend's earlier aliases). */
export const testSpecSchema: JsonSchema = strictObject(testSpecProperties, TEST_SPEC_REQUIRED, {
  // `framework` needs at least one tool, as in the original.
  dependencies: { framework: { required: ['tools'], properties: { tools: { type: 'array', minItems: 1 } } } },
});

/** Any TestSpec field, none required: a suite's `defaults` or one of its tests before merging. */
export const partialTestSpecSchema: JsonSchema = strictObject(testSpecProperties);

/** `POST /api/execution/execute` JSON body. */
export const executeRequestSchema: JsonSchema = strictObject({ test_spec: testSpecSchema }, ['test_spec']);
