import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { validationError } from '../app/errors.js';
import { describeIssue, primaryIssue } from '../contract/schemas/describe-error.js';
import type { JsonSchema } from '../contract/assertions.js';
import { PRECOMPILED_VALIDATORS } from './precompiled-validators.js';

/**
 * Ajv options for the contract schemas: strict (unknown keywords and ambiguous types are schema
 * bugs), no coercion, no defaults, nothing removed, first error only, `verbose` so messages can use
 * the failing schema's `description`. `validateSchema: false`: the schemas are constants covered by
 * tests, and compiling the meta-schema costs ~35 ms.
 */
export const AJV_OPTIONS = {
  strict: true,
  strictRequired: false,
  allowUnionTypes: true,
  strictNumbers: true,
  allErrors: false,
  verbose: true,
  coerceTypes: false,
  useDefaults: false,
  removeAdditional: false,
  validateSchema: false,
  messages: false,
  // No optimisation pass over the generated code: it was about half of each schema's compile time
  // (the contract's spec and suite schemas are compiled at the first spec a process checks, and a
  // `sentinel run` pays it at every start), for validators that run a few times per request.
  code: { optimize: false },
} as const;

let ajv: Ajv | undefined;
const compiled = new WeakMap<JsonSchema, ValidateFunction>();

/** The validator of one schema: generated at build time, or compiled on first use (nothing is compiled at startup). */
function validatorFor(schema: JsonSchema): ValidateFunction {
  let validate = compiled.get(schema) ?? PRECOMPILED_VALIDATORS.get(schema);
  if (validate === undefined) {
    ajv ??= new Ajv(AJV_OPTIONS);
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}

/**
 * Checks `value` against `schema`; a failure is a 400 `VALIDATION_ERROR` naming the field under
 * `root` (e.g. `test_spec.inputs.messages[1].role`) with a message a person understands.
 */
export function assertMatchesSchema<T>(schema: JsonSchema, value: unknown, root: string): T {
  const validate = validatorFor(schema);
  if (validate(value)) return value as T;
  const issue = primaryIssue((validate.errors ?? []) as ErrorObject[]);
  if (issue === undefined) throw validationError(root === '' ? 'body' : root, 'is invalid');
  const { field, problem } = describeIssue(root, issue);
  throw validationError(field, problem);
}
