import type { AssertionKind, OutputType } from '@sentinel/backend/contract';

/** How an assertion's value is edited in the form. */
export type AssertionEditor =
  | 'text'
  /** One text, or a list of texts (`must_contain`, `must_not_contain`, `must_call_tool`). */
  | 'text-or-list'
  | 'regex'
  | 'number'
  | 'text-list'
  | 'output-type'
  | 'json-check';

export interface AssertionKindInfo {
  readonly label: string;
  readonly editor: AssertionEditor;
  /** The value a new assertion of this kind starts with. */
  readonly initial: unknown;
  readonly hint: string;
  /** What one item of a list value is called in the form (`text`, `tool`). */
  readonly noun?: string;
}

/** Every assertion kind of the spec format; `Record<AssertionKind, …>` makes the compiler catch a new kind without a form. */
export const ASSERTION_KIND_INFO: Readonly<Record<AssertionKind, AssertionKindInfo>> = {
  must_contain: { label: 'Must contain', editor: 'text-or-list', noun: 'text', initial: '', hint: 'The output contains this text, or each of these texts (case-sensitive).' },
  must_not_contain: { label: 'Must not contain', editor: 'text-or-list', noun: 'text', initial: '', hint: 'The output contains none of these texts.' },
  icontains: { label: 'Contains (any case)', editor: 'text', initial: '', hint: 'The output contains this text, ignoring case.' },
  equals: { label: 'Equals', editor: 'text', initial: '', hint: 'The whole output is exactly this text.' },
  starts_with: { label: 'Starts with', editor: 'text', initial: '', hint: 'The output begins with this text.' },
  contains_any: { label: 'Contains any of', editor: 'text-list', initial: [''], hint: 'At least one of these texts appears.' },
  contains_all: { label: 'Contains all of', editor: 'text-list', initial: [''], hint: 'Every one of these texts appears.' },
  regex_match: { label: 'Matches regex', editor: 'regex', initial: '', hint: 'A regular expression (RE2 syntax) the output matches.' },
  regex: { label: 'Regex (earlier name)', editor: 'regex', initial: '', hint: 'Same as “Matches regex”.' },
  must_call_tool: { label: 'Must call tool', editor: 'text-or-list', noun: 'tool', initial: '', hint: 'The model calls this tool (or each of these tools).' },
  output_type: { label: 'Output type', editor: 'output-type', initial: 'json', hint: 'The output is of this type.' },
  is_json: { label: 'Is JSON', editor: 'json-check', initial: true, hint: 'The output parses as JSON, optionally matching a JSON Schema.' },
  max_latency_ms: { label: 'Max latency (ms)', editor: 'number', initial: 5000, hint: 'The model answers within this many milliseconds.' },
  min_tokens: { label: 'Min output tokens', editor: 'number', initial: 1, hint: 'The answer uses at least this many output tokens.' },
  max_tokens: { label: 'Max output tokens', editor: 'number', initial: 500, hint: 'The answer uses at most this many output tokens.' },
  min_length: { label: 'Min length (characters)', editor: 'number', initial: 1, hint: 'The output has at least this many characters.' },
  max_length: { label: 'Max length (characters)', editor: 'number', initial: 1000, hint: 'The output has at most this many characters.' },
  max_cost_usd: { label: 'Max cost (USD)', editor: 'number', initial: 0.01, hint: 'The estimated cost stays at or under this.' },
};

export const ASSERTION_KINDS_IN_ORDER = Object.keys(ASSERTION_KIND_INFO) as AssertionKind[];

/** The values `output_type` takes, checked against the contract's union both ways. */
const OUTPUT_TYPE_TABLE: Readonly<Record<OutputType, string>> = {
  text: 'Text',
  json: 'JSON',
  markdown: 'Markdown',
  code: 'Code',
  structured: 'Structured',
};
export const OUTPUT_TYPE_OPTIONS = Object.entries(OUTPUT_TYPE_TABLE) as [OutputType, string][];

/** The kind of an assertion object (its one key besides `flags`), or undefined. */
export function kindOf(assertion: unknown): AssertionKind | undefined {
  if (typeof assertion !== 'object' || assertion === null) return undefined;
  return Object.keys(assertion).find((key): key is AssertionKind => key in ASSERTION_KIND_INFO);
}
