import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { BackendError } from '../app/errors.js';
import type { TestSpec, TestSuite } from '../contract/spec.js';
import { prepareCase, type PreparedCase } from '../execution/index.js';
import { isSuiteDocument, linePosition, MAX_YAML_CHARS, parseYamlDocument, validateTestSpec } from '../spec/index.js';
import { prepareSuite, type PreparedSuite } from '../suite-runs/index.js';
import type { SpecFile } from './collect-files.js';
import { UsageError } from './exit-codes.js';
import { locateField } from './locate-field.js';

/** How the fields of each kind of file are named in messages: `suite.tests[2].model`, `test.inputs.query`. */
export const FIELD_ROOTS = { suite: 'suite', spec: 'test' } as const;

/** A file read, parsed, validated, and each of its cases prepared (nothing can be refused once it runs). */
export type LoadedFile =
  | { readonly file: SpecFile; readonly kind: 'suite'; readonly suite: TestSuite; readonly cases: readonly PreparedCase[]; readonly prepared: PreparedSuite }
  | { readonly file: SpecFile; readonly kind: 'spec'; readonly spec: TestSpec; readonly cases: readonly PreparedCase[] };

async function readText(file: SpecFile): Promise<string> {
  const size = (await stat(file.path)).size;
  // A UTF-8 character is at least one byte: more bytes than four times the limit is surely too long.
  if (size > MAX_YAML_CHARS * 4) throw new UsageError(`${file.display}: the file has ${size} bytes; a spec or suite file may have at most ${MAX_YAML_CHARS} characters`);
  const text = (await readFile(file.path, 'utf8')).replace(/^\uFEFF/, '');
  if (text.length > MAX_YAML_CHARS) throw new UsageError(`${file.display}: the file has ${text.length} characters; a spec or suite file may have at most ${MAX_YAML_CHARS}`);
  return text;
}

/** JSON.parse, its error turned into one naming the file, the line and the column. */
function parseJson(text: string, file: SpecFile): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const message = (error as Error).message;
    const position = /at position (\d+)/.exec(message)?.[1];
    const { line, column } = linePosition(text, position === undefined ? text.length : Number(position));
    throw new UsageError(`${file.display} line ${line}, column ${column}: invalid JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}`, { cause: error });
  }
}

function parseText(text: string, file: SpecFile): unknown {
  if (extname(file.path).toLowerCase() === '.json') return parseJson(text, file);
  try {
    return parseYamlDocument(text, { source: file.display });
  } catch (error) {
    // parseYamlDocument's message already reads "<file> line L, column C: problem".
    if (error instanceof BackendError) throw new UsageError(error.message, { cause: error });
    throw error;
  }
}

/** A validation or preparation error, named by file and, when the field is found in the text, line and column. */
function fileError(error: unknown, text: string, file: SpecFile, root: string): never {
  if (!(error instanceof BackendError)) throw error;
  const field = typeof error.details.field === 'string' ? error.details.field : undefined;
  const position = field === undefined ? undefined : locateField(text, field, root);
  const where = position === undefined ? file.display : `${file.display} line ${position.line}, column ${position.column}`;
  throw new UsageError(`${where}: ${error.message}`, { cause: error });
}

function loadValue(value: unknown, file: SpecFile): LoadedFile {
  if (isSuiteDocument(value)) {
    // As the runner prepares a suite (fields named `suite.tests[i]...`); the runner takes it as it is.
    const prepared = prepareSuite(value as TestSuite);
    return { file, kind: 'suite', suite: prepared.suite, cases: prepared.cases, prepared };
  }
  const spec = validateTestSpec(value, FIELD_ROOTS.spec);
  return { file, kind: 'spec', spec, cases: [prepareCase(spec, FIELD_ROOTS.spec)] };
}

/**
 * Reads one spec or suite file (YAML, or JSON for `.json`), validates it as the backend does, and
 * prepares every case (provider rules, regex safety): whatever would be refused is refused now,
 * before any model is called.
 * @throws UsageError naming the file, and the line and column when they are known.
 */
export async function loadSpecFile(file: SpecFile): Promise<LoadedFile> {
  const text = await readText(file).catch((error: unknown) => {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${file.display}: cannot be read (${(error as Error).message})`, { cause: error });
  });
  const value = parseText(text, file);
  try {
    return loadValue(value, file);
  } catch (error) {
    fileError(error, text, file, isSuiteDocument(value) ? FIELD_ROOTS.suite : FIELD_ROOTS.spec);
  }
}
