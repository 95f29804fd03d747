import { describe, expect, it } from 'vitest';
import { ASSERTION_KINDS } from '../../src/contract/assertions.js';
import { SPEC_LIMITS } from '../../src/contract/schemas/limits.js';
import { validateTestSpec } from '../../src/spec/index.js';
import { caught, minimalSpec } from './helpers.js';

/** A spec that uses every field of the format, with a valid value for each. */
const everyField = {
  name: 'every field',
  description: 'uses every field of the format',
  category: 'reference',
  model: 'claude-sonnet-4-5',
  provider: 'anthropic',
  inputs: {
    query: 'What is in the basket?',
    messages: [
      { role: 'user', content: 'I added two books.' },
      { role: 'assistant', content: 'Noted.' },
      { role: 'system', content: 'Be brief.' },
    ],
    system_prompt: 'You are a shop assistant.',
    context: { basket: ['Dune', 'Emma'], user: { tier: 'gold' } },
  },
  assertions: ASSERTION_KINDS.map((kind) => {
    const values: Record<string, unknown> = {
      must_contain: 'Dune', must_not_contain: 'Ulysses', regex_match: 'D\\w+', regex: '^I', must_call_tool: ['basket'], output_type: 'text',
      max_latency_ms: 5000, min_tokens: 1, max_tokens: 200, min_length: 1, max_length: 2000, icontains: 'dune', equals: 'Dune and Emma.',
      starts_with: 'I', contains_any: ['Dune', 'Emma'], contains_all: ['Dune', 'Emma'], is_json: true, max_cost_usd: 0.05,
    };
    return { [kind]: values[kind] };
  }),
  model_config: { temperature: 0.5, max_tokens: 500, top_p: 0.9, top_k: 40, stop_sequences: ['STOP'] },
  tools: ['basket', { name: 'catalogue', description: 'Find books', parameters: { title: 'string' } }],
  framework: 'langgraph',
  framework_config: { max_iterations: 3 },
  seed: 42,
  timeout_ms: 30_000,
  tags: ['shop', 'reference'],
};

describe('validateTestSpec accepts the whole format', () => {
  it('accepts a spec using every field, and returns it as written', () => {
    expect(validateTestSpec(structuredClone(everyField))).toEqual(everyField);
  });

  it('accepts the aliases of the earlier format (config, inputs.system, top-level max_tokens and temperature)', () => {
    const spec = minimalSpec({ config: { top_p: 0.5 }, inputs: { query: 'q', system: 's' }, max_tokens: 100, temperature: 0.3 });
    expect(validateTestSpec(spec)).toEqual(spec);
  });

  it.each([
    ['query', { query: 'q' }],
    ['messages', { messages: [{ role: 'user', content: 'hi' }] }],
    ['system_prompt', { system_prompt: 'be brief' }],
    ['context', { context: { a: 1 } }],
    ['system (alias)', { system: 'be brief' }],
  ])('accepts inputs with only %s', (_name, inputs) => {
    expect(validateTestSpec(minimalSpec({ inputs })).inputs).toEqual(inputs);
  });

  it.each([
    { regex: 'a', flags: 'imsu' },
    { regex_match: 'a', flags: 'i' },
    { regex: 'a', flags: '' },
    { is_json: { schema: { type: 'array' } } },
    { must_call_tool: 'browser' },
    { equals: '' },
    { max_cost_usd: 0 },
  ])('accepts the assertion %j', (assertion) => {
    expect(validateTestSpec(minimalSpec({ assertions: [assertion] })).assertions).toEqual([assertion]);
  });

  it.each([['gpt-4o'], ['o3-mini'], ['claude-3-5-sonnet-20241022'], ['ft:gpt-4o:org:custom:abc123'], ['models/gemini@1.5']])('accepts the model id %s', (model) => {
    expect(validateTestSpec(minimalSpec({ model })).model).toBe(model);
  });
});

interface Refusal {
  readonly name: string;
  readonly spec: unknown;
  readonly field: string;
  readonly message: string;
}

const long = (length: number): string => 'x'.repeat(length);
const withInputs = (inputs: unknown): unknown => minimalSpec({ inputs });
const withAssertion = (assertion: unknown): unknown => minimalSpec({ assertions: [assertion] });
const withConfig = (config: unknown): unknown => minimalSpec({ model_config: config });

const refusals: Refusal[] = [
  { name: 'not an object', spec: 'name: x', field: 'test_spec', message: 'test_spec must be an object (a mapping of fields)' },
  { name: 'null (an empty YAML document)', spec: null, field: 'test_spec', message: 'test_spec must be an object (a mapping of fields)' },
  { name: 'a list', spec: [], field: 'test_spec', message: 'test_spec must be an object (a mapping of fields)' },
  { name: 'unknown field, with a suggestion', spec: minimalSpec({ modle_config: {} }), field: 'test_spec.modle_config', message: 'test_spec.modle_config is not allowed (did you mean model_config?)' },
  { name: 'unknown field, listing the allowed ones', spec: minimalSpec({ prompt: 'x' }), field: 'test_spec.prompt', message: 'test_spec.prompt is not allowed (allowed: name, description, category, model, provider, inputs, assertions, model_config, config, tools, framework, framework_config, seed, timeout_ms, tags, max_tokens, temperature)' },
  { name: 'missing name', spec: minimalSpec({ name: undefined }), field: 'test_spec.name', message: 'test_spec.name is required' },
  { name: 'missing model', spec: minimalSpec({ model: undefined }), field: 'test_spec.model', message: 'test_spec.model is required' },
  { name: 'missing inputs', spec: minimalSpec({ inputs: undefined }), field: 'test_spec.inputs', message: 'test_spec.inputs is required' },
  { name: 'missing assertions', spec: minimalSpec({ assertions: undefined }), field: 'test_spec.assertions', message: 'test_spec.assertions is required' },
  { name: 'a number as name (YAML hint)', spec: minimalSpec({ name: 2024 }), field: 'test_spec.name', message: 'test_spec.name must be a string (in YAML, quote it: "2024")' },
  { name: 'empty name', spec: minimalSpec({ name: '' }), field: 'test_spec.name', message: 'test_spec.name must not be empty' },
  { name: 'name too long', spec: minimalSpec({ name: long(201) }), field: 'test_spec.name', message: 'test_spec.name must be at most 200 characters long (got 201)' },
  { name: 'description too long', spec: minimalSpec({ description: long(10_001) }), field: 'test_spec.description', message: 'test_spec.description must be at most 10000 characters long (got 10001)' },
  { name: 'empty category', spec: minimalSpec({ category: '' }), field: 'test_spec.category', message: 'test_spec.category must not be empty' },
  { name: 'model with a space', spec: minimalSpec({ model: 'gpt 4' }), field: 'test_spec.model', message: 'test_spec.model must be a model id (letters, digits and . _ : @ / -)' },
  { name: 'unknown provider', spec: minimalSpec({ provider: 'bedrock' }), field: 'test_spec.provider', message: 'test_spec.provider must be one of: anthropic, openai' },
  { name: 'empty inputs', spec: withInputs({}), field: 'test_spec.inputs', message: 'test_spec.inputs must have at least one of query, messages, system_prompt, context' },
  { name: 'unknown input', spec: withInputs({ query: 'q', prompt: 'p' }), field: 'test_spec.inputs.prompt', message: 'test_spec.inputs.prompt is not allowed (allowed: query, messages, system_prompt, system, context)' },
  { name: 'empty query', spec: withInputs({ query: '' }), field: 'test_spec.inputs.query', message: 'test_spec.inputs.query must not be empty' },
  { name: 'query too long', spec: withInputs({ query: long(200_001) }), field: 'test_spec.inputs.query', message: 'test_spec.inputs.query must be at most 200000 characters long (got 200001)' },
  { name: 'empty messages', spec: withInputs({ messages: [] }), field: 'test_spec.inputs.messages', message: 'test_spec.inputs.messages must have at least 1 item' },
  { name: 'bad role', spec: withInputs({ messages: [{ role: 'user', content: 'a' }, { role: 'bot', content: 'b' }] }), field: 'test_spec.inputs.messages[1].role', message: 'test_spec.inputs.messages[1].role must be one of: user, assistant, system' },
  { name: 'empty content', spec: withInputs({ messages: [{ role: 'user', content: '' }] }), field: 'test_spec.inputs.messages[0].content', message: 'test_spec.inputs.messages[0].content must not be empty' },
  { name: 'message without content', spec: withInputs({ messages: [{ role: 'user' }] }), field: 'test_spec.inputs.messages[0].content', message: 'test_spec.inputs.messages[0].content is required' },
  { name: 'extra message field', spec: withInputs({ messages: [{ role: 'user', content: 'a', name: 'x' }] }), field: 'test_spec.inputs.messages[0].name', message: 'test_spec.inputs.messages[0].name is not allowed (allowed: role, content)' },
  { name: 'too many messages', spec: withInputs({ messages: Array(201).fill({ role: 'user', content: 'a' }) }), field: 'test_spec.inputs.messages', message: 'test_spec.inputs.messages must have at most 200 items (got 201)' },
  { name: 'context as a list', spec: withInputs({ context: ['a'] }), field: 'test_spec.inputs.context', message: 'test_spec.inputs.context must be an object (a mapping of fields)' },
  { name: 'context with too many keys', spec: withInputs({ context: Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`k${i}`, i])) }), field: 'test_spec.inputs.context', message: 'test_spec.inputs.context must have at most 100 fields' },
  { name: 'no assertions', spec: minimalSpec({ assertions: [] }), field: 'test_spec.assertions', message: 'test_spec.assertions must have at least 1 item' },
  { name: 'too many assertions', spec: minimalSpec({ assertions: Array(101).fill({ must_contain: 'a' }) }), field: 'test_spec.assertions', message: 'test_spec.assertions must have at most 100 items (got 101)' },
  { name: 'temperature above 2', spec: withConfig({ temperature: 2.5 }), field: 'test_spec.model_config.temperature', message: 'test_spec.model_config.temperature must be <= 2' },
  { name: 'negative temperature', spec: withConfig({ temperature: -0.1 }), field: 'test_spec.model_config.temperature', message: 'test_spec.model_config.temperature must be >= 0' },
  { name: 'temperature as text (no coercion)', spec: withConfig({ temperature: '0.5' }), field: 'test_spec.model_config.temperature', message: 'test_spec.model_config.temperature must be a number' },
  { name: 'max_tokens 0', spec: withConfig({ max_tokens: 0 }), field: 'test_spec.model_config.max_tokens', message: 'test_spec.model_config.max_tokens must be >= 1' },
  { name: 'max_tokens fractional', spec: withConfig({ max_tokens: 10.5 }), field: 'test_spec.model_config.max_tokens', message: 'test_spec.model_config.max_tokens must be an integer' },
  { name: 'max_tokens huge', spec: withConfig({ max_tokens: 1e12 }), field: 'test_spec.model_config.max_tokens', message: `test_spec.model_config.max_tokens must be <= ${SPEC_LIMITS.maxTokens}` },
  { name: 'top_p above 1', spec: withConfig({ top_p: 1.1 }), field: 'test_spec.model_config.top_p', message: 'test_spec.model_config.top_p must be <= 1' },
  { name: 'top_k 0', spec: withConfig({ top_k: 0 }), field: 'test_spec.model_config.top_k', message: 'test_spec.model_config.top_k must be >= 1' },
  { name: 'stop_sequences as text', spec: withConfig({ stop_sequences: 'STOP' }), field: 'test_spec.model_config.stop_sequences', message: 'test_spec.model_config.stop_sequences must be a list' },
  { name: 'empty stop sequence', spec: withConfig({ stop_sequences: [''] }), field: 'test_spec.model_config.stop_sequences[0]', message: 'test_spec.model_config.stop_sequences[0] must not be empty' },
  { name: 'unknown config field', spec: withConfig({ frequency_penalty: 1 }), field: 'test_spec.model_config.frequency_penalty', message: 'test_spec.model_config.frequency_penalty is not allowed (allowed: temperature, max_tokens, top_p, top_k, stop_sequences)' },
  { name: 'config alias bounds', spec: minimalSpec({ config: { temperature: 3 } }), field: 'test_spec.config.temperature', message: 'test_spec.config.temperature must be <= 2' },
  { name: 'top-level temperature alias bounds', spec: minimalSpec({ temperature: 3 }), field: 'test_spec.temperature', message: 'test_spec.temperature must be <= 2' },
  { name: 'top-level max_tokens alias bounds', spec: minimalSpec({ max_tokens: 0 }), field: 'test_spec.max_tokens', message: 'test_spec.max_tokens must be >= 1' },
  { name: 'tool name with a space', spec: minimalSpec({ tools: ['web search'] }), field: 'test_spec.tools[0]', message: 'test_spec.tools[0] must be a tool name (1 to 64 letters, digits, _ or -)' },
  { name: 'tool as a number', spec: minimalSpec({ tools: [7] }), field: 'test_spec.tools[0]', message: 'test_spec.tools[0] must be a string or an object (a mapping of fields)' },
  { name: 'tool without name', spec: minimalSpec({ tools: [{ description: 'x' }] }), field: 'test_spec.tools[0].name', message: 'test_spec.tools[0].name is required' },
  { name: 'tool with an unknown field', spec: minimalSpec({ tools: [{ name: 'a', input_schema: {} }] }), field: 'test_spec.tools[0].input_schema', message: 'test_spec.tools[0].input_schema is not allowed (allowed: name, description, parameters)' },
  { name: 'tool parameters as a list', spec: minimalSpec({ tools: [{ name: 'a', parameters: [] }] }), field: 'test_spec.tools[0].parameters', message: 'test_spec.tools[0].parameters must be an object (a mapping of fields)' },
  { name: 'too many tools', spec: minimalSpec({ tools: Array.from({ length: 65 }, (_, i) => `t${i}`) }), field: 'test_spec.tools', message: 'test_spec.tools must have at most 64 items (got 65)' },
  { name: 'framework without tools', spec: minimalSpec({ framework: 'langgraph' }), field: 'test_spec.tools', message: 'test_spec.tools is required when framework is set' },
  { name: 'framework with no tools', spec: minimalSpec({ framework: 'langgraph', tools: [] }), field: 'test_spec.tools', message: 'test_spec.tools must have at least 1 item when framework is set' },
  { name: 'framework_config as text', spec: minimalSpec({ framework_config: 'x' }), field: 'test_spec.framework_config', message: 'test_spec.framework_config must be an object (a mapping of fields)' },
  { name: 'seed fractional', spec: minimalSpec({ seed: 1.5 }), field: 'test_spec.seed', message: 'test_spec.seed must be an integer' },
  { name: 'seed infinite (.inf, 1e400)', spec: minimalSpec({ seed: Infinity }), field: 'test_spec.seed', message: 'test_spec.seed must be an integer (got a number too large to represent)' },
  { name: 'seed past the safe integers', spec: minimalSpec({ seed: 2 ** 60 }), field: 'test_spec.seed', message: `test_spec.seed must be <= ${Number.MAX_SAFE_INTEGER}` },
  { name: 'timeout_ms 0', spec: minimalSpec({ timeout_ms: 0 }), field: 'test_spec.timeout_ms', message: 'test_spec.timeout_ms must be >= 1' },
  { name: 'timeout_ms over 10 minutes', spec: minimalSpec({ timeout_ms: 600_001 }), field: 'test_spec.timeout_ms', message: 'test_spec.timeout_ms must be <= 600000' },
  { name: 'tags as text', spec: minimalSpec({ tags: 'qa' }), field: 'test_spec.tags', message: 'test_spec.tags must be a list' },
  { name: 'repeated tag', spec: minimalSpec({ tags: ['qa', 'qa'] }), field: 'test_spec.tags', message: 'test_spec.tags must not repeat an item (items 0 and 1 are equal)' },
  { name: 'empty assertion', spec: withAssertion({}), field: 'test_spec.assertions[0]', message: expect.stringContaining('test_spec.assertions[0] must have exactly one assertion kind (one of must_contain,') },
  { name: 'two kinds in one assertion', spec: withAssertion({ must_contain: 'a', equals: 'a' }), field: 'test_spec.assertions[0]', message: expect.stringContaining('must have exactly one assertion kind') },
  { name: 'unknown assertion kind', spec: withAssertion({ must_rhyme: 'x' }), field: 'test_spec.assertions[0].must_rhyme', message: expect.stringContaining('test_spec.assertions[0].must_rhyme is not allowed (allowed: must_contain,') },
  { name: 'mistyped assertion kind', spec: withAssertion({ must_contians: 'x' }), field: 'test_spec.assertions[0].must_contians', message: 'test_spec.assertions[0].must_contians is not allowed (did you mean must_contain?)' },
  { name: 'flags beside must_contain', spec: withAssertion({ must_contain: 'a', flags: 'i' }), field: 'test_spec.assertions[0].flags', message: 'test_spec.assertions[0].flags is only allowed beside regex or regex_match' },
  { name: 'flags alone', spec: withAssertion({ flags: 'i' }), field: 'test_spec.assertions[0].flags', message: 'test_spec.assertions[0].flags is only allowed beside regex or regex_match' },
  { name: 'flags g', spec: withAssertion({ regex: 'a', flags: 'g' }), field: 'test_spec.assertions[0].flags', message: 'test_spec.assertions[0].flags must be regex flags: any of i, m, s, u, each at most once' },
  { name: 'flags repeated', spec: withAssertion({ regex_match: 'a', flags: 'ii' }), field: 'test_spec.assertions[0].flags', message: 'test_spec.assertions[0].flags must be regex flags: any of i, m, s, u, each at most once' },
  { name: 'must_contain as a number', spec: withAssertion({ must_contain: 5 }), field: 'test_spec.assertions[0].must_contain', message: 'test_spec.assertions[0].must_contain must be a string (in YAML, quote it: "5")' },
  { name: 'empty must_contain', spec: withAssertion({ must_contain: '' }), field: 'test_spec.assertions[0].must_contain', message: 'test_spec.assertions[0].must_contain must not be empty' },
  { name: 'regex too long', spec: withAssertion({ regex: long(1001) }), field: 'test_spec.assertions[0].regex', message: 'test_spec.assertions[0].regex must be at most 1000 characters long (got 1001)' },
  { name: 'must_call_tool empty list', spec: withAssertion({ must_call_tool: [] }), field: 'test_spec.assertions[0].must_call_tool', message: 'test_spec.assertions[0].must_call_tool must have at least 1 item' },
  { name: 'must_call_tool bad name', spec: withAssertion({ must_call_tool: ['ok', 'not ok'] }), field: 'test_spec.assertions[0].must_call_tool[1]', message: 'test_spec.assertions[0].must_call_tool[1] must be a tool name (1 to 64 letters, digits, _ or -)' },
  { name: 'must_call_tool as an object', spec: withAssertion({ must_call_tool: { name: 'a' } }), field: 'test_spec.assertions[0].must_call_tool', message: 'test_spec.assertions[0].must_call_tool must be a string or a list' },
  { name: 'unknown output_type', spec: withAssertion({ output_type: 'xml' }), field: 'test_spec.assertions[0].output_type', message: 'test_spec.assertions[0].output_type must be one of: text, json, markdown, code, structured' },
  { name: 'max_latency_ms as text', spec: withAssertion({ max_latency_ms: '5s' }), field: 'test_spec.assertions[0].max_latency_ms', message: 'test_spec.assertions[0].max_latency_ms must be an integer' },
  { name: 'max_latency_ms 0', spec: withAssertion({ max_latency_ms: 0 }), field: 'test_spec.assertions[0].max_latency_ms', message: 'test_spec.assertions[0].max_latency_ms must be >= 1' },
  { name: 'min_tokens negative', spec: withAssertion({ min_tokens: -1 }), field: 'test_spec.assertions[0].min_tokens', message: 'test_spec.assertions[0].min_tokens must be >= 0' },
  { name: 'max_length fractional', spec: withAssertion({ max_length: 1.5 }), field: 'test_spec.assertions[0].max_length', message: 'test_spec.assertions[0].max_length must be an integer' },
  { name: 'contains_any empty', spec: withAssertion({ contains_any: [] }), field: 'test_spec.assertions[0].contains_any', message: 'test_spec.assertions[0].contains_any must have at least 1 item' },
  { name: 'contains_all with a number', spec: withAssertion({ contains_all: ['a', 1] }), field: 'test_spec.assertions[0].contains_all[1]', message: 'test_spec.assertions[0].contains_all[1] must be a string (in YAML, quote it: "1")' },
  { name: 'is_json false', spec: withAssertion({ is_json: false }), field: 'test_spec.assertions[0].is_json', message: 'test_spec.assertions[0].is_json must be true' },
  { name: 'is_json as text', spec: withAssertion({ is_json: 'yes' }), field: 'test_spec.assertions[0].is_json', message: 'test_spec.assertions[0].is_json must be a boolean or an object (a mapping of fields)' },
  { name: 'is_json without schema', spec: withAssertion({ is_json: {} }), field: 'test_spec.assertions[0].is_json.schema', message: 'test_spec.assertions[0].is_json.schema is required' },
  { name: 'is_json with an extra field', spec: withAssertion({ is_json: { schema: {}, strict: true } }), field: 'test_spec.assertions[0].is_json.strict', message: 'test_spec.assertions[0].is_json.strict is not allowed (allowed: schema)' },
  { name: 'max_cost_usd negative', spec: withAssertion({ max_cost_usd: -1 }), field: 'test_spec.assertions[0].max_cost_usd', message: 'test_spec.assertions[0].max_cost_usd must be >= 0' },
  { name: 'equals too long', spec: withAssertion({ equals: long(100_001) }), field: 'test_spec.assertions[0].equals', message: 'test_spec.assertions[0].equals must be at most 100000 characters long (got 100001)' },
  { name: 'config with model_config', spec: minimalSpec({ config: {}, model_config: {} }), field: 'test_spec.config', message: 'test_spec.config cannot be given together with model_config (it is an alias of it): keep one' },
  { name: 'max_tokens with model_config.max_tokens', spec: minimalSpec({ max_tokens: 5, model_config: { max_tokens: 5 } }), field: 'test_spec.max_tokens', message: 'test_spec.max_tokens cannot be given together with model_config.max_tokens (it is an alias of it): keep one' },
  { name: 'temperature with config.temperature', spec: minimalSpec({ temperature: 0, config: { temperature: 0 } }), field: 'test_spec.temperature', message: 'test_spec.temperature cannot be given together with config.temperature (it is an alias of it): keep one' },
  { name: 'inputs.system with system_prompt', spec: withInputs({ system: 'a', system_prompt: 'b' }), field: 'test_spec.inputs.system', message: 'test_spec.inputs.system cannot be given together with system_prompt (it is an alias of it): keep one' },
];

describe('validateTestSpec refuses with 400 VALIDATION_ERROR naming the field', () => {
  it.each(refusals)('$name -> $field', ({ spec, field, message }) => {
    const error = caught(() => validateTestSpec(spec));
    expect(error).toMatchObject({ code: 'VALIDATION_ERROR', statusCode: 400, details: { field } });
    expect(error.message).toEqual(message);
  });

  it('names the field under the root it is given', () => {
    expect(caught(() => validateTestSpec(minimalSpec({ name: 1 }), 'spec')).details.field).toBe('spec.name');
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses a %s key anywhere, naming it', (key) => {
    for (const [where, value] of [
      [`test_spec.${key}`, JSON.parse(`{"${key}": {"x": 1}, "name": "n"}`)],
      [`test_spec.inputs.context.deep[1].${key}`, minimalSpec({ inputs: { context: { deep: [1, JSON.parse(`{"${key}": 1}`)] } } })],
      [`test_spec.tools[0].parameters.${key}`, minimalSpec({ tools: [{ name: 't', parameters: JSON.parse(`{"${key}": "string"}`) }] })],
    ] as const) {
      const error = caught(() => validateTestSpec(value));
      expect(error.details.field).toBe(where);
      expect(error.message).toBe(`${where} is not allowed: "${key}" is refused anywhere in a document`);
    }
  });

  it('refuses context nested past 64 levels, naming where', () => {
    let deep: unknown = 'leaf';
    for (let level = 0; level < 70; level += 1) deep = { d: deep };
    const error = caught(() => validateTestSpec(minimalSpec({ inputs: { context: deep as Record<string, unknown> } })));
    expect(error.message).toMatch(/^test_spec\.inputs\.context(\.d)+ is nested too deeply \(more than 64 levels of objects and lists\)$/);
  });

  it('reports odd keys in quotes', () => {
    expect(caught(() => validateTestSpec(minimalSpec({ 'my field': 1 }))).details.field).toBe('test_spec["my field"]');
  });
});
