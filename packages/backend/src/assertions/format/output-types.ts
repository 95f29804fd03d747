import { OUTPUT_TYPES, type OutputType } from '../../contract/assertions.js';
import { findFencedBlocks } from './fenced-blocks.js';
import type { EvaluationContext } from '../types.js';
import { readJsonOutputOnce, type JsonReading } from './json-output.js';
import { matchesPattern } from './markdown-patterns.js';

/** Whether the output is of one type, and why, in words for a message. */
export interface OutputTypeVerdict {
  readonly is: boolean;
  readonly reason: string;
}

/** What the type checks need to know about an output, computed once. */
interface OutputFacts {
  readonly blank: boolean;
  readonly json: JsonReading;
  /** A fenced block with non-blank content. */
  readonly hasCodeBlock: boolean;
  readonly markdownFeature: string | undefined;
  readonly hasTable: boolean;
  readonly hasList: boolean;
  readonly hasCodeLine: boolean;
}

/** The first markdown construct found, named for a message. */
function findMarkdownFeature(text: string, hasFence: boolean, hasTable: boolean): string | undefined {
  if (matchesPattern('heading', text)) return 'a heading';
  if (hasFence) return 'a fenced code block';
  if (hasTable) return 'a table';
  if (matchesPattern('listItem', text)) return 'a list item';
  if (matchesPattern('blockquote', text)) return 'a block quote';
  if (matchesPattern('inline', text)) return 'a link, bold text or inline code';
  return undefined;
}

function collectFacts(output: string, json: JsonReading): OutputFacts {
  const text = output.replace(/\r\n?/g, '\n');
  const blocks = findFencedBlocks(text);
  const hasCodeBlock = blocks.some((block) => block.content.trim().length > 0);
  const hasTable = matchesPattern('table', text);
  return {
    blank: text.trim().length === 0,
    json,
    hasCodeBlock,
    markdownFeature: findMarkdownFeature(text, blocks.length > 0, hasTable),
    hasTable,
    hasList: matchesPattern('twoListItems', text),
    hasCodeLine: matchesPattern('code', text),
  };
}

const isContainer = (value: unknown): boolean => typeof value === 'object' && value !== null;

const VERDICTS: Readonly<Record<OutputType, (facts: OutputFacts) => OutputTypeVerdict>> = {
  json: ({ json }) =>
    json.ok
      ? { is: true, reason: json.fenced ? 'the whole output is one ```json block that parses as JSON' : 'the whole output parses as JSON' }
      : { is: false, reason: `it does not parse as JSON (${json.reason})` },
  structured: ({ json, hasTable, hasList }) => {
    if (json.ok && isContainer(json.value)) return { is: true, reason: `it is a JSON ${Array.isArray(json.value) ? 'array' : 'object'}` };
    if (hasTable) return { is: true, reason: 'it has a markdown table' };
    if (hasList) return { is: true, reason: 'it has a markdown list of two or more items' };
    return { is: false, reason: 'it is not a JSON object or array and has no markdown table and no list of two or more items' };
  },
  markdown: ({ markdownFeature }) =>
    markdownFeature === undefined
      ? { is: false, reason: 'it has no markdown heading, list, block quote, table, fenced code block, link, bold text or inline code' }
      : { is: true, reason: `it has ${markdownFeature}` },
  code: ({ hasCodeBlock, hasCodeLine }) => {
    if (hasCodeBlock) return { is: true, reason: 'it has a fenced code block' };
    if (hasCodeLine) return { is: true, reason: 'a line starts like source code' };
    return { is: false, reason: 'it has no fenced code block and no line that starts like source code (def, class, function, import, const, ...)' };
  },
  text: ({ blank, json, hasCodeBlock }) => {
    if (blank) return { is: false, reason: 'the output is empty' };
    if (json.ok) return { is: false, reason: 'it is JSON' };
    if (hasCodeBlock) return { is: false, reason: 'it has a fenced code block' };
    return { is: true, reason: 'it is not JSON and has no fenced code block' };
  },
};

/**
 * Every output type the output is, in `OUTPUT_TYPES` order, and the verdict for `wanted`. The
 * facts are computed once per evaluation (several output_type checks share them).
 */
export function classifyOutput(
  output: string,
  wanted: OutputType,
  context: EvaluationContext,
): { readonly types: OutputType[]; readonly verdict: OutputTypeVerdict } {
  const facts = context.remember('output-facts', () => collectFacts(output, readJsonOutputOnce(output, context)));
  const types = OUTPUT_TYPES.filter((type) => VERDICTS[type](facts).is);
  return { types, verdict: VERDICTS[wanted](facts) };
}
