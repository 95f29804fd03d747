import { afterEach, describe, expect, it } from 'vitest';
import { runRecordSchema } from '../../src/contract/index.js';
import type { TestSpec } from '../../src/contract/spec.js';
import { executeSpec } from '../../src/execution/index.js';
import { assertMatchesSchema } from '../../src/spec/index.js';
import { removeTempDirs } from '../helpers/temp-dir.js';
import { closeEngines, modelCalls, startEngine } from './engine-fixture.js';

afterEach(async () => {
  await closeEngines();
  await removeTempDirs();
});

const claudeSpec: TestSpec = {
  name: 'capital',
  model: 'claude-sonnet-4-6',
  inputs: { system_prompt: 'Answer in one sentence.', messages: [{ role: 'user', content: 'Hi' }, { role: 'assistant', content: 'Hello!' }], query: 'Capital of France?' },
  model_config: { temperature: 0.2, max_tokens: 200, top_k: 5 },
  seed: 7,
  tags: ['geo'],
  assertions: [{ must_contain: 'Paris' }, { max_latency_ms: 60_000 }],
};

describe('executeSpec: one spec through the real providers, assertions and store', () => {
  it('sends the whole conversation to Anthropic, records everything, and the record matches the contract schema', async () => {
    const engine = await startEngine();
    engine.anthropic.setBehavior({ text: 'The capital of France is Paris.', usage: { input_tokens: 100_000, output_tokens: 100_000 }, model: 'claude-sonnet-4-6' });
    const run = await executeSpec(claudeSpec, engine);
    const sent = engine.anthropic.requests.at(-1)?.body as Record<string, unknown>;
    expect(sent).toMatchObject({ model: 'claude-sonnet-4-6', system: 'Answer in one sentence.', temperature: 0.2, max_tokens: 200, top_k: 5 });
    expect(sent.messages).toEqual([{ role: 'user', content: 'Hi' }, { role: 'assistant', content: 'Hello!' }, { role: 'user', content: 'Capital of France?' }]);
    expect(run).toMatchObject({ success: true, provider: 'anthropic', model: 'claude-sonnet-4-6', response_model: 'claude-sonnet-4-6', saved: true, answer_source: 'provider', tags: ['geo'] });
    expect(run.cost_usd).toBeCloseTo(1.8, 6); // $3 in + $15 out per million tokens
    expect(run.notes.join(' ')).toMatch(/seed/);
    expect(run.assertions[0]).toMatchObject({ kind: 'must_contain', passed: true });
    expect(() => assertMatchesSchema(runRecordSchema, run, 'result')).not.toThrow();
    expect(await engine.store.getRun(run.id)).toEqual(run);
  });

  it('records OpenAI tool calls and checks must_call_tool against them', async () => {
    const engine = await startEngine();
    engine.openai.setBehavior({ toolCalls: [{ name: 'get_weather', arguments: { location: 'Paris' } }] });
    const spec: TestSpec = {
      name: 'weather',
      model: 'gpt-4.1-mini',
      inputs: { query: 'Weather in Paris?' },
      tools: [{ name: 'get_weather', description: 'Current weather', parameters: { location: 'string' } }],
      assertions: [{ must_call_tool: ['get_weather'] }, { must_call_tool: 'book_flight' }],
    };
    const run = await executeSpec(spec, engine);
    expect(run.tool_calls).toEqual([expect.objectContaining({ name: 'get_weather', arguments: { location: 'Paris' } })]);
    expect(run.assertions.map((result) => result.passed)).toEqual([true, false]);
    expect(run.success).toBe(false);
    const sent = engine.openai.requests.at(-1)?.body as { tools: Array<{ function: { parameters: unknown } }> };
    expect(sent.tools[0]?.function.parameters).toMatchObject({ type: 'object', properties: { location: { type: 'string' } } });
  });

  it('refuses a bad assertion and a missing key before any model call', async () => {
    const engine = await startEngine({ openaiKey: false });
    await expect(executeSpec({ ...claudeSpec, assertions: [{ regex: '(a)\\1' }] }, engine)).rejects.toMatchObject({ code: 'UNSAFE_REGEX', details: { field: 'test_spec.assertions[0].regex' } });
    await expect(executeSpec({ ...claudeSpec, model: 'gpt-4o' }, engine)).rejects.toMatchObject({ code: 'NO_API_KEY', details: { provider: 'openai', key_variable: 'OPENAI_API_KEY' } });
    expect(modelCalls(engine.anthropic) + modelCalls(engine.openai)).toBe(0);
  });

  it('returns the paid-for answer marked unsaved when the history cannot be written', async () => {
    const engine = await startEngine();
    await engine.store.close();
    const run = await executeSpec(claudeSpec, engine);
    expect(run.saved).toBe(false);
    expect(run.output).toContain('Stub reply');
    expect(run.notes.at(-1)).toMatch(/could not be saved to the history/);
    expect(modelCalls(engine.anthropic)).toBe(1);
  });

  it('with the cache on, the same request is answered once by the provider and then from the cache', async () => {
    const engine = await startEngine();
    const first = await executeSpec(claudeSpec, engine, { cache: true });
    const second = await executeSpec(claudeSpec, engine, { cache: true });
    const uncached = await executeSpec(claudeSpec, engine);
    expect([first.answer_source, second.answer_source, uncached.answer_source]).toEqual(['provider', 'cache', 'provider']);
    expect(second.output).toBe(first.output);
    expect(second.latency_ms).toBe(first.latency_ms);
    expect(modelCalls(engine.anthropic)).toBe(2);
  });

  it('never caches an error', async () => {
    const engine = await startEngine();
    engine.anthropic.setBehavior((_request, index) => (index === 0 ? { error: { status: 500 } } : {}));
    await expect(executeSpec(claudeSpec, engine, { cache: true })).rejects.toMatchObject({ code: 'UPSTREAM_ERROR' });
    const run = await executeSpec(claudeSpec, engine, { cache: true });
    expect(run.answer_source).toBe('provider');
    expect(modelCalls(engine.anthropic)).toBe(2);
  });
});
