import { validationError } from '../../app/errors.js';
import type { JsonSchema } from '../../contract/assertions.js';
import { appendField } from '../../contract/schemas/field-path.js';

/** Type names the shorthand accepts (JSON Schema's, except null). */
export const SHORTHAND_TYPES: ReadonlySet<string> = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array']);

/** Parameters of a tool that takes none. */
export const EMPTY_PARAMETERS: JsonSchema = { type: 'object', properties: {} };

const ENUM_FORM = /^enum\s*:?\s*\[(.*)\]$/s;

type Plain = Record<string, unknown>;

function isPlainObject(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function unquote(text: string): string {
  const trimmed = text.trim();
  const quoted = trimmed.length >= 2 && (trimmed[0] === '"' || trimmed[0] === "'") && trimmed.at(-1) === trimmed[0];
  return quoted ? trimmed.slice(1, -1) : trimmed;
}

/** `string`, `string[]` or `enum [a, b]` as a property schema, or undefined for free text. */
function typeExpression(expression: string): JsonSchema | undefined {
  if (SHORTHAND_TYPES.has(expression)) return { type: expression };
  if (expression.endsWith('[]') && SHORTHAND_TYPES.has(expression.slice(0, -2))) return { type: 'array', items: { type: expression.slice(0, -2) } };
  const enumMatch = ENUM_FORM.exec(expression);
  if (enumMatch === null) return undefined;
  const values = (enumMatch[1] ?? '').split(',').map(unquote).filter((value) => value !== '');
  return values.length === 0 ? undefined : { type: 'string', enum: values };
}

interface ShorthandProperty {
  readonly schema: JsonSchema;
  readonly required: boolean;
}

/** A shorthand string: a type expression (a trailing `?` makes it optional), else a description. */
function fromText(text: string): ShorthandProperty {
  const trimmed = text.trim();
  const optional = trimmed.endsWith('?') ? typeExpression(trimmed.slice(0, -1).trim()) : undefined;
  if (optional !== undefined) return { schema: optional, required: false };
  return { schema: typeExpression(trimmed) ?? { type: 'string', description: trimmed }, required: true };
}

function fromList(values: readonly unknown[], field: string): ShorthandProperty {
  if (values.length === 0 || !values.every((value) => typeof value === 'string' || typeof value === 'number')) {
    throw validationError(field, 'must list the allowed values as text or numbers (e.g. [celsius, fahrenheit])');
  }
  const type = values.every((value) => typeof value === 'string') ? 'string' : values.every((value) => typeof value === 'number') ? 'number' : undefined;
  return { schema: { ...(type === undefined ? {} : { type }), enum: [...values] }, required: true };
}

function fromValue(value: unknown, field: string): ShorthandProperty {
  if (typeof value === 'string') return fromText(value);
  if (Array.isArray(value)) return fromList(value, field);
  if (isPlainObject(value)) {
    // An object with a `type` is already a property schema; any other object is nested shorthand.
    return { schema: typeof value.type === 'string' ? value : shorthandToSchema(value, field), required: true };
  }
  throw validationError(
    field,
    'must be a type (string, number, integer, boolean, object, array, string[], enum [a, b]), a list of allowed values, a description, or a JSON Schema',
  );
}

/** The original Sentinel's shorthand (`{ location: string, unit: "enum [celsius, fahrenheit]" }`) as a JSON Schema object. */
function shorthandToSchema(shorthand: Plain, field: string): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const [name, value] of Object.entries(shorthand)) {
    const property = fromValue(value, appendField(field, name));
    properties[name] = property.schema;
    if (property.required) required.push(name);
  }
  return { type: 'object', properties, ...(required.length === 0 ? {} : { required }) };
}

/** Whether `parameters` is written as a JSON Schema (rather than shorthand). */
function looksLikeJsonSchema(parameters: Plain): boolean {
  return parameters.type === 'object' || isPlainObject(parameters.properties) || typeof parameters.$schema === 'string';
}

/**
 * A tool's `parameters` as the JSON Schema object both providers accept. A JSON Schema (`type:
 * object`, or `properties`, or `$schema`) is kept (`type: object` added when missing); anything
 * else is the shorthand, converted key by key.
 * @throws BackendError 400 naming the offending parameter under `field`.
 */
export function toParametersSchema(parameters: Readonly<Record<string, unknown>> | undefined, field: string): JsonSchema {
  if (parameters === undefined) return EMPTY_PARAMETERS;
  if (!looksLikeJsonSchema(parameters)) return shorthandToSchema(parameters, field);
  if (parameters.type !== undefined && parameters.type !== 'object') throw validationError(`${field}.type`, 'must be "object": a tool takes an object of named parameters');
  return parameters.type === undefined ? { type: 'object', ...parameters } : parameters;
}
