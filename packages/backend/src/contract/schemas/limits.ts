/**
 * Bounds of every string, list and number of a test spec or suite: one table, used by the JSON
 * Schemas and the documentation (docs/spec-format.md). Generous for real tests, small enough that
 * a malformed or hostile document is refused before it costs anything.
 */
export const SPEC_LIMITS = {
  /** `name` of a test or suite. */
  nameChars: 200,
  /** `description` of a test or suite. */
  descriptionChars: 10_000,
  /** `category`, `framework`, each tag, suite `version`. */
  labelChars: 100,
  /** `model` id. */
  modelChars: 128,
  /** `inputs.query`, `inputs.system_prompt`, each message's `content`. */
  promptChars: 200_000,
  /** Turns in `inputs.messages`. */
  messages: 200,
  /** Top-level keys of `inputs.context` and `framework_config`. */
  freeFormKeys: 100,
  /** The system prompt once `context` is rendered into it and `system` turns are joined. */
  systemChars: 400_000,
  /** Assertions of one test. */
  assertions: 100,
  /** Text of a `must_contain`-like assertion. */
  assertionTextChars: 10_000,
  /** Text of an `equals` assertion (a whole expected answer). */
  equalsChars: 100_000,
  /** Length of a regular expression. */
  regexChars: 1_000,
  /** Items of `contains_any` / `contains_all` / `must_call_tool`. */
  assertionItems: 100,
  /** Tools of one test. */
  tools: 64,
  /** A tool's `description`. */
  toolDescriptionChars: 10_000,
  /** `stop_sequences` entries, and each one's length. */
  stopSequences: 16,
  stopSequenceChars: 1_000,
  /** Tags of a test or suite. */
  tags: 50,
  /** Tests of one suite. */
  suiteTests: 1_000,
  /** Largest `max_tokens` (in `model_config`, or as an assertion). */
  maxTokens: 128_000,
  /** Largest `top_k`. */
  topK: 100_000,
  /** Largest `timeout_ms` (10 minutes). */
  timeoutMs: 600_000,
  /** Largest `max_latency_ms` assertion (1 hour). */
  latencyMs: 3_600_000,
  /** Largest `min_length` / `max_length` assertion. */
  outputChars: 10_000_000,
  /** Largest `max_cost_usd` assertion. */
  costUsd: 1_000,
  /** Deepest nesting of objects and lists anywhere in a document (context, JSON Schemas included). */
  nestingDepth: 64,
} as const;

/** `max_tokens` sent when a spec gives none. */
export const DEFAULT_MAX_TOKENS = 1024;

/** A model id: letters, digits and `. _ : @ / -`. */
export const MODEL_ID_PATTERN = '^[A-Za-z0-9._:@/-]+$';

/** A tool name, as both providers accept it: letters, digits, `_` and `-`, 1 to 64 characters. */
export const TOOL_NAME_PATTERN = '^[A-Za-z0-9_-]{1,64}$';

/** Regex flags an assertion may use: each of `i`, `m`, `s`, `u` at most once. */
export const REGEX_FLAGS_PATTERN = '^(?!.*(.).*\\1)[imsu]*$';

/** ISO 8601 UTC timestamp as the backend writes them: `2026-11-22T03:00:00.000Z`. */
export const TIMESTAMP_PATTERN = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z$';

/** Person-readable meaning of each pattern above, for error messages. */
export const PATTERN_MEANINGS: Readonly<Record<string, string>> = {
  [MODEL_ID_PATTERN]: 'must be a model id (letters, digits and . _ : @ / -)',
  [TOOL_NAME_PATTERN]: 'must be a tool name (1 to 64 letters, digits, _ or -)',
  [REGEX_FLAGS_PATTERN]: 'must be regex flags: any of i, m, s, u, each at most once',
  [TIMESTAMP_PATTERN]: 'must be an ISO 8601 UTC timestamp',
};
