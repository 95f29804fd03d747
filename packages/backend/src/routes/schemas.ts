/** Largest `max_tokens` a spec may ask for. */
export const MAX_TOKENS_LIMIT = 64_000;
/** `max_tokens` when the spec gives none. */
export const DEFAULT_MAX_TOKENS = 1024;

const text = (maxLength: number, minLength = 1) => ({ type: 'string', minLength, maxLength }) as const;
const count = (maximum: number) => ({ type: 'integer', minimum: 0, maximum }) as const;

const assertionSchema = {
  type: 'object',
  minProperties: 1,
  maxProperties: 2,
  additionalProperties: false,
  properties: {
    must_contain: text(10_000),
    must_not_contain: text(10_000),
    regex: text(512),
    flags: text(4, 0),
    max_latency_ms: count(3_600_000),
    min_length: count(10_000_000),
    max_length: count(10_000_000),
  },
} as const;

/** `POST /api/execution/execute` body: `{ test_spec }`. */
export const executeBodySchema = {
  type: 'object',
  required: ['test_spec'],
  additionalProperties: false,
  properties: {
    test_spec: {
      type: 'object',
      required: ['name', 'model', 'inputs', 'assertions'],
      additionalProperties: false,
      properties: {
        name: text(200),
        model: { type: 'string', minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9._:@/-]+$' },
        inputs: {
          type: 'object',
          required: ['query'],
          additionalProperties: false,
          properties: { query: text(200_000), system: text(200_000, 0) },
        },
        max_tokens: { type: 'integer', minimum: 1, maximum: MAX_TOKENS_LIMIT },
        temperature: { type: 'number', minimum: 0, maximum: 1 },
        assertions: { type: 'array', maxItems: 50, items: assertionSchema },
      },
    },
  },
} as const;
