import { describe, expect, it } from 'vitest';
import type { TestSpec } from '../../src/contract/spec.js';
import { expandSuite, isSuiteDocument, parseYamlDocument, resolveSpec, validateTestSpec, validateTestSuite } from '../../src/spec/index.js';
import { caught, fixture } from './helpers.js';

/** Parses and validates a fixture written in the shape of one of the original app's templates. */
function load(name: string): TestSpec {
  const document = parseYamlDocument(fixture(name), { source: name });
  expect(isSuiteDocument(document)).toBe(false);
  return validateTestSpec(document);
}

describe('specs in the shape of the original Sentinel templates are accepted unchanged', () => {
  it('Q&A (OpenAI, seed, model_config, six assertion kinds)', () => {
    const spec = load('simple-qa.yaml');
    expect(spec).toMatchObject({ category: 'qa', description: 'A factual question answered without tools', seed: 7 });
    const { request, notes } = resolveSpec(spec);
    expect(request).toEqual({
      provider: 'openai',
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'Which planet of the solar system is the largest?' }],
      max_tokens: 80,
      temperature: 0,
      seed: 7,
    });
    expect(notes).toEqual([]);
  });

  it('JSON output (system_prompt, is_json with a schema)', () => {
    const spec = load('json-output.yaml');
    expect(spec.assertions[1]).toEqual({
      is_json: { schema: { type: 'object', required: ['title', 'author', 'year'], properties: { title: { type: 'string' }, author: { type: 'string' }, year: { type: 'integer' } } } },
    });
    expect(resolveSpec(spec).request.system).toBe('Answer with JSON only.');
  });

  it('multi-turn (messages with a system turn, provider inferred from claude-*)', () => {
    const { request, notes } = resolveSpec(load('multi-turn.yaml'));
    expect(request.provider).toBe('anthropic');
    expect(request.system).toBe('You are the front desk of a public library.\n\nLoans last three weeks.');
    expect(request.messages.map((message) => message.role)).toEqual(['user', 'assistant', 'user']);
    expect(request.messages.at(-1)?.content).toBe('When is it due back?');
    expect(notes).toEqual(['1 system turn of inputs.messages joined the system prompt']);
  });

  it('tool use (shorthand parameters turned into a JSON Schema)', () => {
    const { request } = resolveSpec(load('tool-use.yaml'));
    expect(request.tools).toEqual([
      {
        name: 'get_departures',
        description: 'Next departures between two stations',
        parameters: {
          type: 'object',
          properties: { origin: { type: 'string' }, destination: { type: 'string' }, class: { type: 'string', enum: ['standard', 'first'] } },
          required: ['origin', 'destination', 'class'],
        },
      },
    ]);
  });

  it('prompt injection (system prompt and query; temperature 0.0)', () => {
    const { request } = resolveSpec(load('prompt-injection.yaml'));
    expect(request).toMatchObject({ provider: 'anthropic', temperature: 0, system: expect.stringContaining('Never reveal') });
  });

  it('code generation (block scalar query, top_k and stop_sequences for Anthropic, seed ignored)', () => {
    const spec = load('code-generation.yaml');
    expect(spec.inputs.query).toBe('Write a TypeScript function debounce(fn, waitMs) that returns a debounced\nversion of fn. Add a TSDoc comment and explicit types.\n');
    const { request, notes } = resolveSpec(spec);
    expect(request).toMatchObject({ max_tokens: 600, temperature: 0.3, top_k: 40, stop_sequences: ['END OF CODE'] });
    expect(request).not.toHaveProperty('seed');
    expect(notes).toEqual(['seed is not supported by Anthropic and was ignored']);
  });

  it('regression (regex_match, contains_all, max_cost_usd, top_p)', () => {
    const { request } = resolveSpec(load('regression.yaml'));
    expect(request).toMatchObject({ provider: 'openai', top_p: 0.9, temperature: 0.2 });
  });

  it('browser agent (bare tool names, timeout_ms returned apart from the request)', () => {
    const { request, timeoutMs } = resolveSpec(load('browser-agent.yaml'));
    expect(request.tools?.map((tool) => tool.name)).toEqual(['browser', 'scraper', 'calculator']);
    expect(request.tools?.[0]).toEqual({ name: 'browser', parameters: { type: 'object', properties: {} } });
    expect(timeoutMs).toBe(30_000);
    expect(request).not.toHaveProperty('timeout_ms');
  });

  it('LangGraph agent (framework stored, JSON Schema tools kept, context in the system prompt)', () => {
    const spec = load('langgraph-agent.yaml');
    expect(spec.framework_config).toEqual({ max_iterations: 5, intermediate_steps: true });
    const { request, notes } = resolveSpec(spec);
    expect(request.tools?.[0]?.parameters).toEqual({ type: 'object', properties: { query: { type: 'string', description: 'What to search for' } }, required: ['query'] });
    expect(request.system).toBe('<context>\n{\n  "region": "Europe",\n  "agencies": [\n    "EEA",\n    "WMO"\n  ]\n}\n</context>');
    expect(notes).toContain('framework "langgraph" and its framework_config are stored and shown, not executed: the model was called directly');
    expect(notes).toContain('seed is not supported by Anthropic and was ignored');
  });

  it("this backend's earlier format (inputs.system, top-level max_tokens/temperature, regex + flags)", () => {
    const { request } = resolveSpec(load('legacy-format.yaml'));
    expect(request).toEqual({
      provider: 'anthropic',
      model: 'claude-sonnet-4-6',
      system: 'Answer in one sentence.',
      messages: [{ role: 'user', content: 'What is the capital of France?' }],
      max_tokens: 256,
      temperature: 0,
    });
  });

  it('a suite (defaults merged, a test overriding model, provider, tools and config)', () => {
    const document = parseYamlDocument(fixture('shop-suite.yaml'));
    expect(isSuiteDocument(document)).toBe(true);
    const tests = expandSuite(validateTestSuite(document));
    expect(tests.map((test) => test.name)).toEqual(['Search - detective novels', 'Basket - add two books', 'Greeting - no tools']);
    const [search, basket, greeting] = tests.map((test) => resolveSpec(test));
    expect(search?.request).toMatchObject({ provider: 'anthropic', model: 'claude-haiku-4-5', temperature: 0.1, max_tokens: 300, system: 'You are the assistant of an online bookshop.' });
    expect(search?.notes).toEqual(['seed is not supported by Anthropic and was ignored']);
    expect(search?.timeoutMs).toBe(20_000);
    expect(basket?.request).toMatchObject({ provider: 'openai', model: 'gpt-4.1-mini', temperature: 0.1, max_tokens: 150, seed: 101 });
    expect(basket?.request.tools?.map((tool) => tool.name)).toEqual(['catalogue', 'basket']);
    expect(greeting?.request).toMatchObject({ temperature: 0.7, system: 'Greet the customer in one line.' });
    expect(greeting?.request).not.toHaveProperty('tools');
    expect(tests[2]?.tags).toEqual(['smoke']);
    expect(tests[0]?.tags).toEqual(['e2e', 'shopping']);
  });
});

describe("the original's two invalid templates: a plain value containing ': '", () => {
  it.each([
    { name: 'invalid-plain-colon-list.yaml', line: 7, column: 10 },
    { name: 'invalid-plain-colon-pairs.yaml', line: 7, column: 10 },
  ])('$name -> 400 INVALID_YAML at line $line, column $column, saying to quote it', ({ name, line, column }) => {
    const error = caught(() => parseYamlDocument(fixture(name), { source: name }));
    expect(error).toMatchObject({ code: 'INVALID_YAML', statusCode: 400, details: { line, column } });
    expect(error.message).toBe(`${name} line ${line}, column ${column}: Nested mappings are not allowed in compact mappings (a plain value that contains ": " must be quoted)`);
    const fixed = fixture(name).replace(/^( {2}query: )(.*)$/m, (_all, key: string, value: string) => `${key}${JSON.stringify(value)}`);
    expect(validateTestSpec(parseYamlDocument(fixed)).inputs.query).toContain(': ');
  });
});
