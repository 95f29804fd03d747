import { isCollection, parseDocument, visit, type Document } from 'yaml';
import { BackendError } from '../app/errors.js';
import { MAX_YAML_ALIAS_COUNT, findYamlLimitProblem } from './yaml-limits.js';

/** Options of {@link parseYamlDocument}. */
export interface ParseYamlOptions {
  /** Named in error messages, e.g. a file name (`tests/capital.yaml`). @default undefined (the message says "YAML") */
  readonly source?: string;
}

/** Hints for the mistakes people make most, by `yaml` error code. */
const HINTS: Readonly<Record<string, string>> = {
  BLOCK_AS_IMPLICIT_KEY: ' (a plain value that contains ": " must be quoted)',
  DUPLICATE_KEY: ' (each key may appear once in a mapping)',
  MULTIPLE_DOCS: ' (a file holds one test or suite: remove the extra "---" document)',
  TAB_AS_INDENT: ' (indent with spaces)',
  TAG_RESOLVE_FAILED: ' (only the YAML 1.2 core tags are supported)',
};

/** 1-based line and column of a character offset. */
export function linePosition(text: string, offset: number): { line: number; column: number } {
  const at = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  for (let index = text.indexOf('\n'); index !== -1 && index < at; index = text.indexOf('\n', index + 1)) line += 1;
  return { line, column: at - (text.lastIndexOf('\n', at - 1) + 1) + 1 };
}

function invalidYaml(text: string, offset: number, problem: string, options: ParseYamlOptions, cause?: unknown): BackendError {
  const { line, column } = linePosition(text, offset);
  const where = `${options.source ?? 'YAML'} line ${line}, column ${column}`;
  return new BackendError('INVALID_YAML', {
    message: `${where}: ${problem}`,
    details: { line, column },
    cause,
  });
}

/** The first problem `yaml` reported (errors, then warnings such as an unknown tag), if any. */
function firstProblem(document: Document.Parsed): { offset: number; problem: string; cause: unknown } | undefined {
  const issue = document.errors[0] ?? document.warnings[0];
  if (issue !== undefined) return { offset: issue.pos[0], problem: `${issue.message}${HINTS[issue.code] ?? ''}`, cause: issue };
  let found: { offset: number; problem: string; cause: unknown } | undefined;
  visit(document, {
    Alias(_key, alias) {
      if (alias.resolve(document) !== undefined) return undefined;
      found = { offset: alias.range?.[0] ?? 0, problem: `the alias *${alias.source} has no anchor &${alias.source} before it`, cause: undefined };
      return visit.BREAK;
    },
    Pair(_key, pair) {
      if (!isCollection(pair.key)) return undefined;
      found = { offset: pair.key.range?.[0] ?? 0, problem: 'a mapping key must be plain text, not a list or a mapping', cause: undefined };
      return visit.BREAK;
    },
  });
  return found;
}

/**
 * `yaml`'s parseDocument with our options. Stack traces are off while it runs: it builds one
 * error object per bad token, and capturing their stacks is most of the cost of hostile input
 * (synchronous, so nothing else runs meanwhile). prettyErrors is off: its context snippet is not
 * needed (line and column are computed here).
 */
function parseWithoutStacks(text: string): Document.Parsed {
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return parseDocument(text, {
      version: '1.2',
      schema: 'core',
      resolveKnownTags: false,
      merge: true,
      uniqueKeys: true,
      prettyErrors: false,
      logLevel: 'error',
      strict: true,
    });
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}

/**
 * Parses one YAML document (YAML 1.2 core schema, through the `yaml` package) into plain JSON
 * values. Refused with 400 `INVALID_YAML` (details `line` and `column`; the message names `source`):
 * syntax errors, duplicate keys, more than one document, unknown tags, collection keys, aliases
 * without an anchor, documents
 * over the size/token/nesting bounds and alias expansion past {@link MAX_YAML_ALIAS_COUNT}.
 * Merge keys (`<<: *defaults`) are supported. An empty document is `null`.
 */
export function parseYamlDocument(text: string, options: ParseYamlOptions = {}): unknown {
  const limit = findYamlLimitProblem(text);
  if (limit !== undefined) throw invalidYaml(text, limit.offset, limit.problem, options);
  const document = parseWithoutStacks(text);
  const problem = firstProblem(document);
  if (problem !== undefined) throw invalidYaml(text, problem.offset, problem.problem, options, problem.cause);
  try {
    return document.toJS({ maxAliasCount: MAX_YAML_ALIAS_COUNT });
  } catch (error) {
    const reason = (error as Error).message;
    const message = /alias/i.test(reason) ? `aliases expand to too many nodes (at most ${MAX_YAML_ALIAS_COUNT} are resolved): ${reason}` : reason;
    throw invalidYaml(text, 0, message, options, error);
  }
}
