import { Lexer } from 'yaml';
import { SPEC_LIMITS } from '../contract/schemas/limits.js';

/** Largest YAML document parsed (characters): long prompts are single tokens and cost little. */
export const MAX_YAML_CHARS = 256 * 1024;

/**
 * Most lexical tokens in one document. The `yaml` parser is synchronous and costs roughly 5-25 µs
 * per token (more for error-laden input): this bound keeps the worst case far below the
 * supervisor's health-probe budget, while a suite of a few hundred tests fits.
 */
export const MAX_YAML_TOKENS = 50_000;

/** Aliases resolved per document (`yaml`'s `maxAliasCount`): stops "billion laughs" expansion. */
export const MAX_YAML_ALIAS_COUNT = 100;

/** Lexer markers that stand for no source text. */
const MARKERS = new Set(['\x02', '\x18', '\x1f']);
const BLOCK_INDICATORS = new Set(['-', '?', ':']);
const SPACES = /^ +$/;

/** Why a document was refused before parsing, and where (a character offset). */
export interface YamlLimitProblem {
  readonly offset: number;
  readonly problem: string;
}

/** Tracks an upper bound of the nesting depth from the token stream, without parsing. */
class DepthGauge {
  #flow = 0;
  #levels: number[] = [];
  #lineIndicators = 0;
  #atLineStart = true;
  #indent = 0;

  /** Feeds one token; returns the current depth bound. */
  feed(token: string): number {
    if (token === '\n' || token === '\r\n') {
      this.#atLineStart = true;
      this.#indent = 0;
      return this.depth;
    }
    if (this.#atLineStart) {
      if (SPACES.test(token)) {
        this.#indent = token.length;
        return this.depth;
      }
      if (token.startsWith('#')) return this.depth;
      this.#atLineStart = false;
      if (this.#flow === 0) this.#openLine();
    }
    if (this.#flow === 0 && BLOCK_INDICATORS.has(token)) this.#lineIndicators += 1;
    if (token === '[' || token === '{') this.#flow += 1;
    else if (token === ']' || token === '}') this.#flow = Math.max(0, this.#flow - 1);
    return this.depth;
  }

  /** A block line at `#indent` closes every level indented as much or more, and opens its own. */
  #openLine(): void {
    while ((this.#levels.at(-1) ?? -1) >= this.#indent) this.#levels.pop();
    this.#levels.push(this.#indent);
    this.#lineIndicators = 0;
  }

  get depth(): number {
    return this.#levels.length + this.#lineIndicators + this.#flow;
  }
}

/**
 * Scans the document with the `yaml` lexer (linear, no recursion) before the parser runs, and
 * refuses: more than {@link MAX_YAML_CHARS} characters, more than {@link MAX_YAML_TOKENS} tokens,
 * or structure (indentation levels, `- ? :` indicators on a line, `[ {` collections) nested past
 * the nesting limit. The parser recurses once per level, and deep recursion can exhaust the stack
 * (where V8 then fails hard compiling a regular expression), so depth is bounded here first.
 */
export function findYamlLimitProblem(text: string): YamlLimitProblem | undefined {
  if (text.length > MAX_YAML_CHARS) {
    return { offset: MAX_YAML_CHARS, problem: `the document has ${text.length} characters; a YAML document may have at most ${MAX_YAML_CHARS}` };
  }
  const gauge = new DepthGauge();
  let offset = 0;
  let tokens = 0;
  for (const token of new Lexer().lex(text)) {
    if (MARKERS.has(token)) continue;
    tokens += 1;
    if (tokens > MAX_YAML_TOKENS) return { offset, problem: `the document has more than ${MAX_YAML_TOKENS} YAML tokens; split it or write long lists as text` };
    if (gauge.feed(token) > SPEC_LIMITS.nestingDepth) return { offset, problem: `the document is nested more than ${SPEC_LIMITS.nestingDepth} levels deep` };
    offset += token.length;
  }
  return undefined;
}
