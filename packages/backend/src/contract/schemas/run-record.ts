import { ASSERTION_KINDS, type JsonSchema } from '../assertions.js';
import { PROVIDERS } from '../providers.js';
import { ERROR_CODES } from '../error-codes.js';
import { integer, nullable, strictObject } from './builders.js';
import { TIMESTAMP_PATTERN } from './limits.js';
import { resolvedRequestSchema } from './resolved-request.js';
import { testSpecSchema } from './test-spec.js';

const str: JsonSchema = { type: 'string' };
const nullableString: JsonSchema = { type: ['string', 'null'] };
const count: JsonSchema = { type: 'integer', minimum: 0 };
const timestamp: JsonSchema = { type: 'string', pattern: TIMESTAMP_PATTERN };

/** `RunUsage`. */
export const runUsageSchema: JsonSchema = strictObject({ input_tokens: count, output_tokens: count, cached_input_tokens: count }, ['input_tokens', 'output_tokens']);

/** `ToolCall`: `arguments` is any JSON. */
export const toolCallSchema: JsonSchema = strictObject({ id: nullableString, name: str, arguments: {} }, ['id', 'name', 'arguments']);

/** `ModelAnswer`. */
export const modelAnswerSchema: JsonSchema = strictObject(
  {
    output: str,
    tool_calls: { type: 'array', items: toolCallSchema },
    usage: runUsageSchema,
    response_model: str,
    stop_reason: nullableString,
    notes: { type: 'array', items: str },
    latency_ms: count,
  },
  ['output', 'tool_calls', 'usage', 'response_model', 'stop_reason'],
);

/** `AssertionValue`: text, a number, a boolean, null, a list of texts or a JSON Schema. */
export const assertionValueSchema: JsonSchema = { type: ['string', 'number', 'boolean', 'null', 'array', 'object'], items: str };

/** `AssertionResult`. */
export const assertionResultSchema: JsonSchema = strictObject(
  { kind: { type: 'string', enum: [...ASSERTION_KINDS] }, expected: assertionValueSchema, actual: assertionValueSchema, passed: { type: 'boolean' }, message: { type: 'string', minLength: 1 } },
  ['kind', 'expected', 'actual', 'passed', 'message'],
);

/** `RunRecord`: one finished run, as execute answers it and the history keeps it. */
export const runRecordSchema: JsonSchema = strictObject(
  {
    id: { type: 'string', minLength: 1 },
    name: str,
    success: { type: 'boolean' },
    provider: { type: 'string', enum: [...PROVIDERS] },
    model: str,
    response_model: str,
    output: str,
    tool_calls: { type: 'array', items: toolCallSchema },
    assertions: { type: 'array', items: assertionResultSchema },
    latency_ms: count,
    usage: runUsageSchema,
    cost_usd: nullable({ type: 'number', minimum: 0 }),
    stop_reason: nullableString,
    started_at: timestamp,
    finished_at: timestamp,
    spec: testSpecSchema,
    request: resolvedRequestSchema,
    notes: { type: 'array', items: str },
    test_id: nullableString,
    suite_run_id: nullableString,
    case_index: nullable(integer(0, Number.MAX_SAFE_INTEGER)),
    tags: { type: 'array', items: str },
    answer_source: { type: 'string', enum: ['provider', 'cache', 'resumed'] },
    saved: { type: 'boolean' },
  },
  [
    'id', 'name', 'success', 'provider', 'model', 'response_model', 'output', 'tool_calls', 'assertions', 'latency_ms', 'usage',
    'cost_usd', 'stop_reason', 'started_at', 'finished_at', 'spec', 'request', 'notes', 'test_id', 'suite_run_id', 'case_index',
    'tags', 'answer_source', 'saved',
  ],
);

/** `RunPage`: one page of the history. */
export const runPageSchema: JsonSchema = strictObject({ runs: { type: 'array', items: runRecordSchema }, next_cursor: nullableString }, ['runs', 'next_cursor']);

const nullableNumber: JsonSchema = { type: ['number', 'null'] };

/** `MetricDelta`. */
export const metricDeltaSchema: JsonSchema = strictObject(
  { base: nullableNumber, head: nullableNumber, delta: nullableNumber, ratio: nullableNumber, flagged: { type: 'boolean' } },
  ['base', 'head', 'delta', 'ratio', 'flagged'],
);

/** `AssertionChange`. */
export const assertionChangeSchema: JsonSchema = strictObject(
  {
    index: count,
    kind: str,
    expected: {},
    base_passed: { type: ['boolean', 'null'] },
    head_passed: { type: ['boolean', 'null'] },
    change: { type: 'string', enum: ['regression', 'fixed', 'unchanged', 'added', 'removed'] },
  },
  ['index', 'kind', 'expected', 'base_passed', 'head_passed', 'change'],
);

/** `DiffLine`. */
export const diffLineSchema: JsonSchema = strictObject({ op: { type: 'string', enum: ['same', 'added', 'removed'] }, text: str }, ['op', 'text']);

const fraction: JsonSchema = { type: 'number', minimum: 0 };
const changes: JsonSchema = { type: 'array', items: assertionChangeSchema };

/** `RunComparison`: `GET /api/runs/compare`. */
export const runComparisonSchema: JsonSchema = strictObject(
  {
    base: runRecordSchema,
    head: runRecordSchema,
    thresholds: strictObject({ latency: fraction, tokens: fraction, cost: fraction }, ['latency', 'tokens', 'cost']),
    regressions: changes,
    fixed: changes,
    assertions: changes,
    latency_ms: metricDeltaSchema,
    total_tokens: metricDeltaSchema,
    cost_usd: metricDeltaSchema,
    output_diff: { type: 'array', items: diffLineSchema },
    regressed: { type: 'boolean' },
  },
  ['base', 'head', 'thresholds', 'regressions', 'fixed', 'assertions', 'latency_ms', 'total_tokens', 'cost_usd', 'output_diff', 'regressed'],
);

/** `ErrorBody`: every error answer. */
export const errorBodySchema: JsonSchema = strictObject(
  {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: { code: { type: 'string', enum: Object.keys(ERROR_CODES) }, message: { type: 'string', minLength: 1 } },
      additionalProperties: { type: ['string', 'number', 'boolean', 'null'] },
    },
  },
  ['error'],
);
