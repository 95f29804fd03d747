import type { JsonSchema } from '../assertions.js';

/** A string of `minLength`..`maxLength` characters. */
export function text(maxLength: number, minLength = 1, extra: JsonSchema = {}): JsonSchema {
  return { type: 'string', minLength, maxLength, ...extra };
}

/** An integer within `minimum`..`maximum`. */
export function integer(minimum: number, maximum: number): JsonSchema {
  return { type: 'integer', minimum, maximum };
}

/** A number within `minimum`..`maximum`. */
export function numberIn(minimum: number, maximum: number): JsonSchema {
  return { type: 'number', minimum, maximum };
}

/** An object with exactly these properties (unknown ones are refused, never stripped). */
export function strictObject(properties: Readonly<Record<string, JsonSchema>>, required: readonly string[] = [], extra: JsonSchema = {}): JsonSchema {
  return { type: 'object', additionalProperties: false, properties, ...(required.length === 0 ? {} : { required }), ...extra };
}

/** A list of `items`, at most `maxItems` long. */
export function listOf(items: JsonSchema, maxItems: number, minItems = 0, extra: JsonSchema = {}): JsonSchema {
  return { type: 'array', items, minItems, maxItems, ...extra };
}

/** A free-form JSON object (its content is not constrained here; depth is bounded by the parser). */
export function freeFormObject(maxProperties: number): JsonSchema {
  return { type: 'object', maxProperties };
}

/** `value` or null. */
export function nullable(schema: JsonSchema): JsonSchema {
  const type = schema.type;
  return { ...schema, type: Array.isArray(type) ? [...(type as string[]), 'null'] : [type as string, 'null'] };
}

/**
 * A property that must be absent (used inside `if`/`then`): refused with `description` as the
 * error text, at the property's own path.
 */
export function forbidden(description: string): JsonSchema {
  return { not: {}, description };
}
