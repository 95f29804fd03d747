import { Ajv, type Options, type ValidateFunction } from 'ajv';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { BackendError } from '../../app/errors.js';
import type { JsonSchema } from '../../contract/assertions.js';
import { invalidAssertion, unsafeRegex } from '../errors.js';
import { collectPatternSizes, re2Engine, SchemaPatternError } from './re2-engine.js';
import { linearUniqueItems } from './unique-items.js';

/**
 * The JSON Schema drafts accepted, by the `$schema` that names them (none: draft-07). Functions, so
 * Ajv is loaded at the first JSON-schema assertion, not with this module (the bundles compile it
 * on first use: scripts/bundle/lazy-vendors.mjs).
 */
const DRAFTS = {
  'http://json-schema.org/draft-07/schema': () => Ajv,
  'https://json-schema.org/draft/2019-09/schema': () => Ajv2019,
  'https://json-schema.org/draft/2020-12/schema': () => Ajv2020,
} as const;

type DraftUri = keyof typeof DRAFTS;

const OPTIONS: Options = {
  strictSchema: true,
  strictTypes: false,
  strictTuples: false,
  strictRequired: false,
  allErrors: false,
  logger: false,
  code: { regExp: re2Engine },
};

const instances = new Map<DraftUri, Ajv>();

/** One Ajv instance per draft, made on first use (schemas are removed after compiling). */
function ajvFor(draft: DraftUri): Ajv {
  let ajv = instances.get(draft);
  if (ajv === undefined) {
    ajv = new (DRAFTS[draft]())(OPTIONS).removeKeyword('uniqueItems').addKeyword(linearUniqueItems);
    instances.set(draft, ajv);
  }
  return ajv;
}

function draftOf(schema: JsonSchema, field: string): DraftUri {
  const named = schema.$schema;
  if (named === undefined) return 'http://json-schema.org/draft-07/schema';
  const uri = typeof named === 'string' ? named.replace(/#$/, '') : '';
  if (uri in DRAFTS) return uri as DraftUri;
  throw invalidAssertion(`${field}.$schema`, `names a JSON Schema draft this backend does not know; use one of ${Object.keys(DRAFTS).join(', ')} or leave it out (draft-07)`);
}

/** A compiled schema and the RE2 program sizes of its patterns (for the regex work budget). */
export interface CompiledSchema {
  readonly validate: ValidateFunction;
  readonly patternProgramSize: number;
}

function explainCompileError(error: unknown, field: string): BackendError {
  if (error instanceof SchemaPatternError) return unsafeRegex(field, error.message, error);
  const message = (error as Error).message;
  const format = /^unknown format "(.*)" ignored in schema at path "(.*)"$/.exec(message);
  if (format !== null) {
    return invalidAssertion(
      field,
      `uses the format ${JSON.stringify(format[1])} (at ${format[2]}); formats are not checked by this backend (ajv-formats' patterns are not ReDoS-safe): remove it or write a pattern`,
    );
  }
  return invalidAssertion(field, `is not a valid JSON Schema: ${message}`);
}

/** Drops the schema from Ajv's cache (Ajv throws here on a non-string `$id`, which compile refused already). */
function forget(ajv: Ajv, schema: JsonSchema): void {
  try {
    ajv.removeSchema(schema);
  } catch {
    // Nothing was cached.
  }
}

/**
 * Compiles a user's JSON Schema with Ajv (draft-07, 2019-09 or 2020-12 by `$schema`): strict about
 * unknown keywords (typos), `pattern`s matched by RE2, `uniqueItems` in linear time, no `format`.
 * @throws BackendError `VALIDATION_ERROR`, or `UNSAFE_REGEX` for a pattern, naming `field`.
 */
export function compileSchema(schema: JsonSchema, field: string): CompiledSchema {
  const ajv = ajvFor(draftOf(schema, field));
  if (!(ajv.validateSchema(schema) as boolean)) {
    throw invalidAssertion(field, `is not a valid JSON Schema: ${ajv.errorsText(ajv.errors, { dataVar: 'schema' })}`);
  }
  try {
    const { result, sizes } = collectPatternSizes(() => ajv.compile(schema));
    return { validate: result, patternProgramSize: sizes.reduce((sum, size) => sum + size, 0) };
  } catch (error) {
    throw explainCompileError(error, field);
  } finally {
    forget(ajv, schema);
  }
}
