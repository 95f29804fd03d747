import { stringify } from 'yaml';
import { type BackendError, validationError } from '../app/errors.js';
import type { StoredSuite, StoredTest } from '../contract/library.js';
import type { KindRules } from './kinds.js';
import { MAX_LIBRARY_FILE_BYTES } from './read-file.js';
import type { LibraryValidator } from './validator.js';

/** What a create or update is given: YAML text (kept byte for byte, comments and all) or a parsed JSON value. */
export type LibraryInput = { readonly yaml: string } | { readonly value: unknown };

/**
 * Field names of a workspace file start at its root (`assertions[0]`). Request bodies, YAML or
 * JSON, name fields under the JSON envelope's key (`test_spec.assertions[0]`), as execute does.
 */
export const DOCUMENT_FIELD_ROOT = '';
/** How a YAML request body is named in INVALID_YAML messages (as the app's YAML body parser names it). */
const YAML_BODY_SOURCE = 'the YAML body';

/** A checked document and the exact bytes its file will hold. */
export interface PreparedDocument<TContent> {
  readonly content: TContent;
  readonly bytes: Buffer;
}

function kindMismatch(kind: 'test' | 'suite', field: string, source: string): BackendError {
  const name = field === DOCUMENT_FIELD_ROOT ? 'tests' : `${field}.tests`;
  return kind === 'test'
    ? validationError(name, `is not allowed in a test: ${source} is a suite, save it as a suite`)
    : validationError(name, `is required in a suite: ${source} is a test, save it as a test`);
}

/** Checks a parsed value as this kind, saying so first when it is the other kind. */
function check<TItem extends StoredTest | StoredSuite, TContent>(
  rules: KindRules<TItem, TContent>,
  validator: LibraryValidator,
  value: unknown,
  field: string,
  source: string,
): TContent {
  if (!rules.isKind(validator, value)) throw kindMismatch(rules.kind, field, source);
  return rules.validate(validator, value, field);
}

/**
 * Parses and checks one YAML document of this kind (a file, with fields named from its root, or
 * a YAML body, with fields named under `field`).
 * @throws BackendError INVALID_YAML (line, column) or VALIDATION_ERROR (field)
 */
export function parseDocument<TItem extends StoredTest | StoredSuite, TContent>(
  rules: KindRules<TItem, TContent>,
  validator: LibraryValidator,
  text: string,
  source: string,
  field: string = DOCUMENT_FIELD_ROOT,
): TContent {
  return check(rules, validator, validator.parseYaml(text, source), field, source);
}

/** A JSON value as tidy YAML: two-space indent, no line folding, multi-line strings as blocks, no anchors. */
export function toTidyYaml(value: unknown): string {
  return stringify(value, { lineWidth: 0, aliasDuplicateObjects: false });
}

/**
 * A JSON value as the YAML text to store, checked to parse back (the spec module bounds a
 * document's size and tokens, and a file that cannot be read back must not be written).
 */
function jsonAsYaml(validator: LibraryValidator, value: unknown, bodyKey: string): Buffer {
  const text = toTidyYaml(value);
  try {
    validator.parseYaml(text, `${bodyKey} as YAML`);
  } catch (error) {
    throw validationError(bodyKey, `cannot be stored as a YAML file: ${(error as Error).message}`);
  }
  return Buffer.from(text, 'utf8');
}

/** Checks what a request sent and turns it into the bytes to store (the YAML as sent, or the JSON as tidy YAML). */
export function prepareDocument<TItem extends StoredTest | StoredSuite, TContent>(
  rules: KindRules<TItem, TContent>,
  validator: LibraryValidator,
  input: LibraryInput,
): PreparedDocument<TContent> {
  if ('yaml' in input) {
    const bytes = Buffer.from(input.yaml, 'utf8');
    if (bytes.length > MAX_LIBRARY_FILE_BYTES) throw validationError('body', `is ${bytes.length} bytes, over the ${MAX_LIBRARY_FILE_BYTES}-byte limit of a library file`);
    return { content: parseDocument(rules, validator, input.yaml, YAML_BODY_SOURCE, rules.bodyKey), bytes };
  }
  const content = check(rules, validator, input.value, rules.bodyKey, 'the JSON body');
  const bytes = jsonAsYaml(validator, input.value, rules.bodyKey);
  if (bytes.length > MAX_LIBRARY_FILE_BYTES) throw validationError(rules.bodyKey, `is ${bytes.length} bytes as YAML, over the ${MAX_LIBRARY_FILE_BYTES}-byte limit of a library file`);
  return { content, bytes };
}
