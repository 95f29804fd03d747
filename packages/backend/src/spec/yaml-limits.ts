import { Lexer } from 'yaml';
import { SPEC_LIMITS } from '../contract/schemas/limits.js';

/**
 * Largest YAML document parsed (characters). The `yaml` package parses synchronously, at roughly
 * 1-2 µs per character for ordinary documents and up to ~10 µs for dense flow collections
 * (`[1,1,1,...]`): this bound keeps the worst case well under the supervisor's health-probe budget.
 */
export const MAX_YAML_CHARS = 256 * 1024;

/** Most lexical tokens in one document: bounds the parser's work on token-dense input. */
export const MAX_YAML_TOKENS = 150_000;

/** Aliases resolved per document (`yaml`'s `maxAliasCount`): stops "billion laughs" expansion. */
export const MAX_YAML_ALIAS_COUNT = 100;

/** Lexer markers that stand for no source text. */
const MARKERS = new Set(['\x02', '\x18', '\x1f']);

/** Why a document was refused before parsing, and where (a character offset). */
export interface YamlLimitProblem {
  readonly offset: number;
  readonly problem: string;
}

/**
 * Scans the document with the `yaml` lexer (cheap, linear) before the parser runs: refuses flow
 * collections (`[`, `{`) nested deeper than the nesting limit and documents with more tokens than
 * {@link MAX_YAML_TOKENS}, so no input makes the parser recurse or work for long.
 */
export function findYamlLimitProblem(text: string): YamlLimitProblem | undefined {
  if (text.length > MAX_YAML_CHARS) {
    return { offset: MAX_YAML_CHARS, problem: `the document has ${text.length} characters; a YAML document may have at most ${MAX_YAML_CHARS}` };
  }
  let offset = 0;
  let depth = 0;
  let tokens = 0;
  for (const token of new Lexer().lex(text)) {
    tokens += 1;
    if (tokens > MAX_YAML_TOKENS) return { offset, problem: `the document has more than ${MAX_YAML_TOKENS} YAML tokens` };
    if (token === '[' || token === '{') depth += 1;
    else if (token === ']' || token === '}') depth = Math.max(0, depth - 1);
    if (depth > SPEC_LIMITS.nestingDepth) return { offset, problem: `flow collections are nested more than ${SPEC_LIMITS.nestingDepth} levels deep` };
    if (!MARKERS.has(token)) offset += token.length;
  }
  return undefined;
}
