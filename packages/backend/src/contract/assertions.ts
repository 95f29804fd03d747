/** What `output_type` may demand of the answer. */
export const OUTPUT_TYPES = ['text', 'json', 'markdown', 'code', 'structured'] as const;
export type OutputType = (typeof OUTPUT_TYPES)[number];

/**
 * Every assertion kind a spec may use: the original Sentinel's, this backend's earlier ones, and
 * the checks promptfoo users reach for most. Each assertion object has exactly one of these keys
 * (plus `flags` beside `regex` / `regex_match`).
 */
export const ASSERTION_KINDS = [
  'must_contain',
  'must_not_contain',
  'regex_match',
  'regex',
  'must_call_tool',
  'output_type',
  'max_latency_ms',
  'min_tokens',
  'max_tokens',
  'min_length',
  'max_length',
  'icontains',
  'equals',
  'starts_with',
  'contains_any',
  'contains_all',
  'is_json',
  'max_cost_usd',
] as const;

export type AssertionKind = (typeof ASSERTION_KINDS)[number];

/** A JSON Schema document (checked with Ajv). */
export type JsonSchema = Readonly<Record<string, unknown>>;

/** One assertion as written in a spec, e.g. `{ must_contain: 'Paris' }`. */
export type AssertionSpec =
  /** A text, or a list of texts that must all appear (the original Sentinel's list form). */
  | { readonly must_contain: string | readonly string[] }
  /** A text, or a list of texts none of which may appear. */
  | { readonly must_not_contain: string | readonly string[] }
  | { readonly regex_match: string; readonly flags?: string }
  | { readonly regex: string; readonly flags?: string }
  | { readonly must_call_tool: string | readonly string[] }
  | { readonly output_type: OutputType }
  | { readonly max_latency_ms: number }
  | { readonly min_tokens: number }
  | { readonly max_tokens: number }
  | { readonly min_length: number }
  | { readonly max_length: number }
  | { readonly icontains: string }
  | { readonly equals: string }
  | { readonly starts_with: string }
  | { readonly contains_any: readonly string[] }
  | { readonly contains_all: readonly string[] }
  /** `true`: the output parses as JSON; `{ schema }`: and it validates against that JSON Schema. */
  | { readonly is_json: true | { readonly schema: JsonSchema } }
  | { readonly max_cost_usd: number };

/** A value an assertion expected or saw, as JSON. */
export type AssertionValue = string | number | boolean | null | readonly string[] | JsonSchema;

/** The outcome of one assertion, in the order the spec lists them. */
export interface AssertionResult {
  readonly kind: AssertionKind;
  /** What the spec asked for (the assertion's value; `/pattern/flags` for regexes). */
  readonly expected: AssertionValue;
  /** What was seen (bounded: long text is cut with an ellipsis), or null when nothing could be measured. */
  readonly actual: AssertionValue;
  readonly passed: boolean;
  /** A sentence a person understands, e.g. `output does not contain "Paris"`. */
  readonly message: string;
}
