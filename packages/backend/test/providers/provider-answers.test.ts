import { afterEach, describe, expect, it } from 'vitest';
import { estimateCostUsd } from '../../src/providers/prices.js';
import { closeProviderFixtures, PROVIDER_CASES, registryFor, requestFor, stubFor } from './helpers/provider-fixture.js';

afterEach(closeProviderFixtures);

const TOOL = { name: 'get_weather', description: 'Current weather of a city', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } };

const [anthropic, openai] = PROVIDER_CASES as [(typeof PROVIDER_CASES)[0], (typeof PROVIDER_CASES)[0]];

describe.each(PROVIDER_CASES)('$label through its real SDK and the stub', (providerCase) => {
  it('answers text with the response model, stop reason and usage, sending the key', async () => {
    const stub = await stubFor(providerCase, { behavior: { text: 'Paris.', usage: { input_tokens: 21, output_tokens: 3 } } });
    const answer = await registryFor(providerCase, stub.baseUrl).client(providerCase.provider).complete(requestFor(providerCase));
    expect(answer).toEqual({
      output: 'Paris.',
      tool_calls: [],
      usage: { input_tokens: 21, output_tokens: 3 },
      response_model: providerCase.model,
      stop_reason: providerCase.provider === 'anthropic' ? 'end_turn' : 'stop',
    });
    expect(stub.requests).toHaveLength(1);
    expect(stub.requests[0]?.apiKey).toBe(providerCase.key);
  });

  it('records tool calls with their ids and parsed arguments', async () => {
    const toolCalls = [
      { id: 'call_1', name: 'get_weather', arguments: { city: 'Paris' } },
      { id: 'call_2', name: 'get_weather', arguments: { city: 'Lyon', units: { scale: 'celsius' } } },
    ];
    const stub = await stubFor(providerCase, { behavior: { toolCalls } });
    const answer = await registryFor(providerCase, stub.baseUrl).client(providerCase.provider).complete(requestFor(providerCase, { tools: [TOOL] }));
    expect(answer.tool_calls).toEqual(toolCalls);
    expect(answer.output).toBe('');
    expect(answer.stop_reason).toBe(providerCase.provider === 'anthropic' ? 'tool_use' : 'tool_calls');
  });

  it('reports cached input tokens and prices the answer from the table', async () => {
    const usage = { input_tokens: 1000, output_tokens: 500, cached_input_tokens: 200 };
    const stub = await stubFor(providerCase, { behavior: { usage } });
    const answer = await registryFor(providerCase, stub.baseUrl).client(providerCase.provider).complete(requestFor(providerCase));
    expect(answer.usage).toEqual(usage);
    // claude-sonnet-4-6: $3 in, $0.30 cached, $15 out; gpt-4.1: $2 in, $0.50 cached, $8 out (per million).
    const expected = providerCase.provider === 'anthropic' ? (800 * 3 + 200 * 0.3 + 500 * 15) / 1e6 : (800 * 2 + 200 * 0.5 + 500 * 8) / 1e6;
    expect(estimateCostUsd(providerCase.provider, answer.response_model, answer.usage)).toBeCloseTo(expected, 12);
  });

  it('keeps the dated model id the provider answers with, which still has a price', async () => {
    const dated = providerCase.provider === 'anthropic' ? 'claude-sonnet-4-5-20250929' : 'gpt-4.1-2025-04-14';
    const stub = await stubFor(providerCase, { behavior: { model: dated } });
    const answer = await registryFor(providerCase, stub.baseUrl).client(providerCase.provider).complete(requestFor(providerCase));
    expect(answer.response_model).toBe(dated);
    expect(estimateCostUsd(providerCase.provider, answer.response_model, answer.usage)).toBeGreaterThan(0);
  });
});

describe('every parameter reaches the wire', () => {
  const full = {
    system: 'Answer in one word.',
    messages: [
      { role: 'user', content: 'Hi' },
      { role: 'assistant', content: 'Hello.' },
      { role: 'user', content: 'Capital of France?' },
    ],
    max_tokens: 321,
    temperature: 0.25,
    top_p: 0.9,
    stop_sequences: ['END', 'STOP'],
    tools: [TOOL, { name: 'ping', parameters: { type: 'object', properties: {} } }],
  } as const;

  it('Anthropic: system, messages, max_tokens, temperature, top_p, top_k, stop_sequences, tools as input_schema', async () => {
    const stub = await stubFor(anthropic);
    // Claude Sonnet 4 still takes temperature and top_p together.
    const request = requestFor(anthropic, { ...full, top_k: 40, model: 'claude-sonnet-4-0' });
    const answer = await registryFor(anthropic, stub.baseUrl).client('anthropic').complete(request);
    expect(stub.requests[0]?.body).toEqual({
      model: 'claude-sonnet-4-0',
      system: 'Answer in one word.',
      messages: full.messages,
      max_tokens: 321,
      temperature: 0.25,
      top_p: 0.9,
      top_k: 40,
      stop_sequences: ['END', 'STOP'],
      tools: [
        { name: 'get_weather', description: 'Current weather of a city', input_schema: TOOL.parameters },
        { name: 'ping', input_schema: { type: 'object', properties: {} } },
      ],
    });
    expect(answer.notes).toBeUndefined();
  });

  it('OpenAI: the system prompt as the first message, max_completion_tokens, temperature, top_p, stop, seed, function tools', async () => {
    const stub = await stubFor(openai);
    const answer = await registryFor(openai, stub.baseUrl).client('openai').complete(requestFor(openai, { ...full, seed: 7 }));
    expect(stub.requests[0]?.body).toEqual({
      model: 'gpt-4.1',
      messages: [{ role: 'system', content: 'Answer in one word.' }, ...full.messages],
      max_completion_tokens: 321,
      temperature: 0.25,
      top_p: 0.9,
      stop: ['END', 'STOP'],
      seed: 7,
      tools: [
        { type: 'function', function: { name: 'get_weather', description: 'Current weather of a city', parameters: TOOL.parameters } },
        { type: 'function', function: { name: 'ping', parameters: { type: 'object', properties: {} } } },
      ],
    });
    expect(answer.notes).toBeUndefined();
  });

  it.each([
    { providerCase: openai, model: 'o3', dropped: ['temperature', 'top_p', 'stop'], notes: ['temperature is not supported by o3', 'top_p is not supported by o3', 'stop_sequences is not supported by o3'] },
    { providerCase: openai, model: 'gpt-5-mini', dropped: ['temperature', 'top_p', 'stop'], notes: ['temperature is not supported by gpt-5-mini', 'top_p is not supported by gpt-5-mini', 'stop_sequences is not supported by gpt-5-mini'] },
    { providerCase: openai, model: 'gpt-5.4', dropped: ['stop'], notes: ['stop_sequences is not supported by gpt-5.4'] },
    { providerCase: anthropic, model: 'claude-opus-4-7', dropped: ['temperature', 'top_p'], notes: ['temperature is not supported by claude-opus-4-7', 'top_p is not supported by claude-opus-4-7'] },
    { providerCase: anthropic, model: 'claude-sonnet-4-6', dropped: ['top_p'], notes: ['top_p is not supported together with temperature by claude-sonnet-4-6'] },
  ])('$model: leaves out $dropped and says so in notes', async ({ providerCase, model, dropped, notes }) => {
    const stub = await stubFor(providerCase);
    const request = requestFor(providerCase, { model, temperature: 0, top_p: 0.5, stop_sequences: ['END'] });
    const answer = await registryFor(providerCase, stub.baseUrl).client(providerCase.provider).complete(request);
    const body = stub.requests[0]?.body as Record<string, unknown>;
    for (const field of dropped) expect(body).not.toHaveProperty(field);
    expect(body).toHaveProperty('model', model);
    expect(answer.notes).toEqual(notes.map((note) => `${note} and was not sent`));
  });

  it('a parameter the provider has no equivalent for (seed with Anthropic, top_k with OpenAI) is left out with a note', async () => {
    const anthropicStub = await stubFor(anthropic);
    const openaiStub = await stubFor(openai);
    const fromAnthropic = await registryFor(anthropic, anthropicStub.baseUrl).client('anthropic').complete(requestFor(anthropic, { seed: 1 }));
    const fromOpenai = await registryFor(openai, openaiStub.baseUrl).client('openai').complete(requestFor(openai, { top_k: 5 }));
    expect(anthropicStub.requests[0]?.body).not.toHaveProperty('seed');
    expect(openaiStub.requests[0]?.body).not.toHaveProperty('top_k');
    expect(fromAnthropic.notes).toEqual(['seed is not supported by Anthropic and was not sent']);
    expect(fromOpenai.notes).toEqual(['top_k is not supported by OpenAI and was not sent']);
  });

  it('a request for the other provider is a programmer error, not a call', async () => {
    const stub = await stubFor(openai);
    const client = registryFor(openai, stub.baseUrl).client('openai');
    expect(() => client.complete(requestFor(anthropic))).toThrow(TypeError);
    expect(stub.requests).toHaveLength(0);
  });
});
