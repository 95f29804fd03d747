import type { JsonSchema } from '../../contract/assertions.js';
import { invalidAssertion } from '../errors.js';
import { readJsonOutputOnce } from '../format/json-output.js';
import { compileSchema, type CompiledSchema } from '../json-schema/compile-schema.js';
import { describePath, describeSchemaError, valueAt } from '../json-schema/describe-error.js';
import { cutText, describeBeginning } from '../text/excerpt.js';
import type { AssertionOutcome, AssertionSubject, EvaluationContext, PreparedAssertion } from '../types.js';
import { overWorkLimit } from './regex.js';

const isPlainObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** The schema of an `is_json` value: none for `true`, the compiled one for `{ schema }`. */
function prepareSchema(value: unknown, field: string): { schema: CompiledSchema | undefined; expected: true | JsonSchema } {
  if (value === true) return { schema: undefined, expected: true };
  if (!isPlainObject(value) || !isPlainObject(value.schema) || Object.keys(value).length !== 1) {
    throw invalidAssertion(field, 'must be true, or { schema: <a JSON Schema object> }');
  }
  return { schema: compileSchema(value.schema, `${field}.schema`), expected: value as JsonSchema };
}

function checkSchema(schema: CompiledSchema, document: unknown, output: string, limit: number): AssertionOutcome {
  if (output.length * schema.patternProgramSize > limit) return overWorkLimit('the schema patterns', output.length, schema.patternProgramSize, limit);
  let valid: boolean;
  try {
    valid = schema.validate(document) as boolean;
  } catch (error) {
    return { passed: false, actual: null, message: `output is JSON but could not be checked against the schema: ${(error as Error).message}` };
  }
  if (valid) return { passed: true, actual: cutText(output.trim()), message: 'output is JSON and matches the schema' };
  const [first] = schema.validate.errors ?? [];
  if (first === undefined) return { passed: false, actual: null, message: 'output is JSON but does not match the schema' };
  const seen = JSON.stringify(valueAt(document, first.instancePath)) ?? 'nothing';
  return { passed: false, actual: cutText(`at ${describePath(first.instancePath)}: ${seen}`), message: `output is JSON but does not match the schema: ${describeSchemaError(first)}` };
}

/**
 * `is_json`: the output is JSON (the rule of `readJsonOutput`); with `{ schema }`, it also
 * validates against that JSON Schema (compiled here, at prepare time).
 */
export function isJsonAssertion(value: unknown, field: string): PreparedAssertion {
  const { schema, expected } = prepareSchema(value, `${field}.is_json`);
  return {
    kind: 'is_json',
    field,
    expected,
    regexProgramSize: schema?.patternProgramSize ?? 0,
    evaluate({ output }: AssertionSubject, context: EvaluationContext): AssertionOutcome {
      const reading = readJsonOutputOnce(output, context);
      if (!reading.ok) return { passed: false, actual: cutText(output), message: `output is not valid JSON: ${reading.reason}; ${describeBeginning(output)}` };
      if (schema !== undefined) return checkSchema(schema, reading.value, output, context.regexWorkLimit);
      return { passed: true, actual: cutText(output.trim()), message: `output is valid JSON${reading.fenced ? ' (inside a ```json block)' : ''}` };
    },
  };
}
