import { Ajv } from 'ajv';
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as contract from '../../src/contract/index.js';
import type { JsonSchema } from '../../src/contract/assertions.js';
import type { RunRecord } from '../../src/contract/run.js';
import { AJV_OPTIONS, assertMatchesSchema, resolveSpec, validateTestSpec } from '../../src/spec/index.js';
import { caught, minimalSpec } from './helpers.js';

const SCHEMAS: Record<string, JsonSchema> = {
  messageSchema: contract.messageSchema,
  inputsSchema: contract.inputsSchema,
  modelConfigSchema: contract.modelConfigSchema,
  toolSchema: contract.toolSchema,
  assertionSchema: contract.assertionSchema,
  testSpecSchema: contract.testSpecSchema,
  partialTestSpecSchema: contract.partialTestSpecSchema,
  executeRequestSchema: contract.executeRequestSchema,
  testSuiteSchema: contract.testSuiteSchema,
  resolvedToolSchema: contract.resolvedToolSchema,
  resolvedRequestSchema: contract.resolvedRequestSchema,
  runUsageSchema: contract.runUsageSchema,
  toolCallSchema: contract.toolCallSchema,
  modelAnswerSchema: contract.modelAnswerSchema,
  assertionResultSchema: contract.assertionResultSchema,
  runRecordSchema: contract.runRecordSchema,
  runPageSchema: contract.runPageSchema,
  metricDeltaSchema: contract.metricDeltaSchema,
  assertionChangeSchema: contract.assertionChangeSchema,
  diffLineSchema: contract.diffLineSchema,
  runComparisonSchema: contract.runComparisonSchema,
  errorBodySchema: contract.errorBodySchema,
};

describe('the contract schemas', () => {
  it.each(Object.keys(SCHEMAS))('%s is valid draft-07 and compiles in Ajv strict mode', (name) => {
    const ajv = new Ajv({ ...AJV_OPTIONS, validateSchema: true });
    const schema = SCHEMAS[name] as JsonSchema;
    expect(ajv.validateSchema(schema), JSON.stringify(ajv.errors)).toBe(true);
    expect(() => ajv.compile(schema)).not.toThrow();
  });

  it('each assertion kind has exactly one value schema', () => {
    expect(Object.keys(contract.ASSERTION_VALUE_SCHEMAS).sort()).toEqual([...contract.ASSERTION_KINDS].sort());
  });

  it('are browser-safe: the contract bundles for the browser with no Node built-ins and no Ajv', async () => {
    const entry = fileURLToPath(new URL('../../src/contract/index.ts', import.meta.url));
    const result = await build({ entryPoints: [entry], bundle: true, platform: 'browser', format: 'esm', write: false, logLevel: 'silent' });
    const code = result.outputFiles[0]?.text ?? '';
    expect(code).toContain('testSpecSchema');
    expect(code).not.toMatch(/from\s*["']node:|require\(["']node:|ajv/i);
  });
});

const spec = validateTestSpec(minimalSpec({ seed: 3 }));
const resolved = resolveSpec(spec);

/** A complete run record, as the backend answers it. */
const record: RunRecord = {
  id: '019a9c1f3e2a0000d95b8fb3',
  name: spec.name,
  success: false,
  provider: 'anthropic',
  model: spec.model,
  response_model: 'claude-sonnet-4-5-20250929',
  output: 'Paris.',
  tool_calls: [{ id: 'toolu_1', name: 'lookup', arguments: { q: 'France' } }],
  assertions: [
    { kind: 'must_contain', expected: 'Paris', actual: 'Paris.', passed: true, message: 'output contains "Paris"' },
    { kind: 'contains_all', expected: ['a', 'b'], actual: null, passed: false, message: 'output lacks "b"' },
    { kind: 'is_json', expected: { type: 'object' }, actual: 'Paris.', passed: false, message: 'output is not JSON' },
  ],
  latency_ms: 812,
  usage: { input_tokens: 24, output_tokens: 9 },
  cost_usd: null,
  stop_reason: 'end_turn',
  started_at: '2026-11-22T03:00:00.000Z',
  finished_at: '2026-11-22T03:00:00.812Z',
  spec,
  request: resolved.request,
  notes: resolved.notes,
  test_id: null,
  suite_run_id: null,
  case_index: null,
  tags: [],
  answer_source: 'provider',
  saved: true,
};

describe('result schemas validate answers', () => {
  it('accept a complete run record, a page and an error body', () => {
    expect(assertMatchesSchema(contract.runRecordSchema, record, 'result')).toBe(record);
    expect(assertMatchesSchema(contract.runPageSchema, { runs: [record], next_cursor: null }, 'page')).toBeDefined();
    expect(assertMatchesSchema(contract.errorBodySchema, { error: { code: 'INVALID_YAML', message: 'm', line: 1, column: 2 } }, 'body')).toBeDefined();
  });

  it('accept a comparison', () => {
    const delta = { base: 1, head: 2, delta: 1, ratio: 1, flagged: true };
    const change = { index: 0, kind: 'must_contain', expected: 'Paris', base_passed: true, head_passed: false, change: 'regression' };
    const comparison = {
      base: record, head: record, thresholds: { latency: 0.2, tokens: 0.15, cost: 0.1 }, regressions: [change], fixed: [], assertions: [change],
      latency_ms: delta, total_tokens: delta, cost_usd: { ...delta, base: null, delta: null, ratio: null, flagged: false },
      output_diff: [{ op: 'same', text: 'Paris.' }], regressed: true,
    };
    expect(assertMatchesSchema(contract.runComparisonSchema, comparison, 'comparison')).toBeDefined();
  });

  it.each([
    { name: 'a missing field', value: { ...record, saved: undefined }, field: 'result.saved' },
    { name: 'an unknown field', value: { ...record, extra: 1 }, field: 'result.extra' },
    { name: 'a bad timestamp', value: { ...record, started_at: 'yesterday' }, field: 'result.started_at' },
    { name: 'a request with a system turn', value: { ...record, request: { ...record.request, messages: [{ role: 'system', content: 'x' }] } }, field: 'result.request.messages[0].role' },
    { name: 'tool parameters that are not an object schema', value: { ...record, request: { ...record.request, tools: [{ name: 'a', parameters: { type: 'string' } }] } }, field: 'result.request.tools[0].parameters.type' },
    { name: 'a negative token count', value: { ...record, usage: { input_tokens: -1, output_tokens: 0 } }, field: 'result.usage.input_tokens' },
    { name: 'an unknown assertion kind', value: { ...record, assertions: [{ ...record.assertions[0], kind: 'rhymes' }] }, field: 'result.assertions[0].kind' },
    { name: 'an unknown answer source', value: { ...record, answer_source: 'guess' }, field: 'result.answer_source' },
  ])('refuse $name', ({ value, field }) => {
    const cleaned = JSON.parse(JSON.stringify(value)) as unknown;
    expect(caught(() => assertMatchesSchema(contract.runRecordSchema, cleaned, 'result')).details.field).toBe(field);
  });

  it('refuse an error body with an unknown code', () => {
    expect(caught(() => assertMatchesSchema(contract.errorBodySchema, { error: { code: 'OOPS', message: 'm' } }, '')).details.field).toBe('error.code');
  });
});
