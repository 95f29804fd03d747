import type { JsonSchema } from '../assertions.js';
import { PROVIDERS } from '../providers.js';
import { integer, listOf, numberIn, strictObject, text } from './builders.js';
import { MODEL_ID_PATTERN, SPEC_LIMITS as L, TOOL_NAME_PATTERN } from './limits.js';

/** A tool as sent to a provider (parameters always a JSON Schema object). */
export const resolvedToolSchema: JsonSchema = strictObject(
  {
    name: text(64, 1, { pattern: TOOL_NAME_PATTERN }),
    description: text(L.toolDescriptionChars, 0),
    parameters: { type: 'object', required: ['type'], properties: { type: { const: 'object' } } },
  },
  ['name', 'parameters'],
);

/** The fully resolved request of a spec (`ResolvedRequest`). */
export const resolvedRequestSchema: JsonSchema = strictObject(
  {
    provider: { type: 'string', enum: [...PROVIDERS] },
    model: text(L.modelChars, 1, { pattern: MODEL_ID_PATTERN }),
    system: text(L.systemChars, 0),
    messages: listOf(
      strictObject({ role: { type: 'string', enum: ['user', 'assistant'] }, content: text(L.promptChars) }, ['role', 'content']),
      L.messages + 1,
      1,
    ),
    max_tokens: integer(1, L.maxTokens),
    temperature: numberIn(0, 2),
    top_p: numberIn(0, 1),
    top_k: integer(1, L.topK),
    stop_sequences: listOf(text(L.stopSequenceChars), L.stopSequences),
    seed: integer(Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER),
    tools: listOf(resolvedToolSchema, L.tools),
  },
  ['provider', 'model', 'messages', 'max_tokens'],
);
