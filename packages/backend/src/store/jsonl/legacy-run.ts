import { Ajv } from 'ajv';
import { ASSERTION_KINDS, type AssertionKind, type AssertionSpec } from '../../contract/assertions.js';
import type { NewRun } from '../types.js';

/** One line of the old `runs.jsonl`: a run as the JSONL history (before SQLite) wrote it. */
export interface LegacyRun {
  readonly id: string;
  readonly name: string;
  readonly success: boolean;
  readonly output: string;
  readonly assertions: readonly { readonly kind: AssertionKind; readonly expected: string | number; readonly passed: boolean; readonly message: string }[];
  readonly latency_ms: number;
  readonly usage: { readonly input_tokens: number; readonly output_tokens: number };
  /** The model the provider said answered (the old code stored the answer's model). */
  readonly model: string;
  readonly started_at: string;
  readonly finished_at: string;
  readonly stop_reason?: string | null;
}

const count = { type: 'integer', minimum: 0 } as const;

/** The old line's shape. Extra fields are ignored; missing or mistyped ones make the line "wrong shape". */
const legacyRunSchema = {
  type: 'object',
  required: ['id', 'name', 'success', 'output', 'assertions', 'latency_ms', 'usage', 'model', 'started_at', 'finished_at'],
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    success: { type: 'boolean' },
    output: { type: 'string' },
    assertions: {
      type: 'array',
      items: {
        type: 'object',
        required: ['kind', 'expected', 'passed', 'message'],
        properties: { kind: { enum: ASSERTION_KINDS }, expected: { type: ['string', 'number'] }, passed: { type: 'boolean' }, message: { type: 'string' } },
      },
    },
    latency_ms: { type: 'number', minimum: 0 },
    usage: { type: 'object', required: ['input_tokens', 'output_tokens'], properties: { input_tokens: count, output_tokens: count } },
    model: { type: 'string', minLength: 1 },
    started_at: { type: 'string', minLength: 1 },
    finished_at: { type: 'string', minLength: 1 },
    stop_reason: { type: ['string', 'null'] },
  },
} as const;

let validate: ((value: unknown) => boolean) | undefined;

/** Whether a parsed line has the old run's shape (Ajv, compiled on first use: only imports pay for it). */
export function isLegacyRun(value: unknown): value is LegacyRun {
  validate ??= new Ajv({ allErrors: false, strict: false }).compile(legacyRunSchema);
  if (!validate(value)) return false;
  const run = value as LegacyRun;
  return !Number.isNaN(Date.parse(run.started_at)) && !Number.isNaN(Date.parse(run.finished_at));
}

/** The assertion as the spec most likely wrote it, rebuilt from its result (`/a/i` -> `{ regex: 'a', flags: 'i' }`). */
function assertionSpec(kind: AssertionKind, expected: string | number): AssertionSpec | undefined {
  if ((kind === 'must_contain' || kind === 'must_not_contain') && typeof expected === 'string') return { [kind]: expected } as AssertionSpec;
  if ((kind === 'max_latency_ms' || kind === 'min_length' || kind === 'max_length') && typeof expected === 'number') return { [kind]: expected } as AssertionSpec;
  if (kind !== 'regex' || typeof expected !== 'string') return undefined;
  const match = /^\/(.*)\/([a-z]*)$/s.exec(expected);
  if (match === null) return undefined;
  return match[2] === '' ? { regex: match[1] as string } : { regex: match[1] as string, flags: match[2] as string };
}

/** Where a legacy line came from, for the note every imported run carries. */
export interface LegacyOrigin {
  readonly line: number;
  readonly importedAt: string;
  /** Set when the line's id could not be kept (malformed, or taken by an earlier line). */
  readonly replacedId?: string;
}

/** The note of an imported run: where it came from and what the old format did not record. */
export function importNote(origin: LegacyOrigin): string {
  const replaced = origin.replacedId === undefined ? '' : ` Its id there, ${JSON.stringify(origin.replacedId.slice(0, 100))}, was malformed or already taken, so it got a new one.`;
  return `Imported from runs.jsonl (line ${origin.line}) on ${origin.importedAt}. That history did not record the prompt, the request parameters, tool calls or the cost: they are empty here, and the model is the one that answered.${replaced}`;
}

/**
 * Maps an old run onto the new record, deliberately: provider `anthropic` (the only one then),
 * `model` and `response_model` both the answering model, the spec rebuilt from the assertion
 * results (inputs unknown: empty), the request empty (`messages: []`, `max_tokens: 0` = not
 * recorded), no cost, no tool calls, no test or suite, and a note saying so.
 */
export function legacyToNewRun(legacy: LegacyRun, note: string): NewRun {
  const assertions = legacy.assertions.map((entry) => ({ kind: entry.kind, expected: entry.expected, actual: null, passed: entry.passed, message: entry.message }));
  const specAssertions = legacy.assertions.map((entry) => assertionSpec(entry.kind, entry.expected)).filter((entry) => entry !== undefined);
  return {
    name: legacy.name,
    success: legacy.success,
    provider: 'anthropic',
    model: legacy.model,
    response_model: legacy.model,
    output: legacy.output,
    tool_calls: [],
    assertions,
    latency_ms: legacy.latency_ms,
    usage: { input_tokens: legacy.usage.input_tokens, output_tokens: legacy.usage.output_tokens },
    cost_usd: null,
    stop_reason: legacy.stop_reason ?? null,
    started_at: legacy.started_at,
    finished_at: legacy.finished_at,
    spec: { name: legacy.name, model: legacy.model, inputs: {}, assertions: specAssertions },
    request: { provider: 'anthropic', model: legacy.model, messages: [], max_tokens: 0 },
    notes: [note],
    test_id: null,
    suite_run_id: null,
    case_index: null,
    tags: [],
    answer_source: 'provider',
  };
}
