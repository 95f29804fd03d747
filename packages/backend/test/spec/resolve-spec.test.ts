import { describe, expect, it } from 'vitest';
import type { TestSpec } from '../../src/contract/spec.js';
import { DEFAULT_MAX_TOKENS } from '../../src/contract/schemas/limits.js';
import { inferProvider, renderContext, resolveSpec, validateTestSpec } from '../../src/spec/index.js';
import { caught, minimalSpec } from './helpers.js';

const spec = (overrides: Record<string, unknown> = {}): TestSpec => validateTestSpec(minimalSpec(overrides));

describe('provider', () => {
  it.each([
    ['claude-sonnet-4-5', 'anthropic'],
    ['claude-3-5-haiku-20241022', 'anthropic'],
    ['Claude-Opus-4', 'anthropic'],
    ['gpt-4o', 'openai'],
    ['gpt-5.1', 'openai'],
    ['o1', 'openai'],
    ['o1-preview', 'openai'],
    ['o3-mini', 'openai'],
    ['o4-mini', 'openai'],
    ['llama-3', undefined],
    ['o2-mini', undefined],
    ['anthropic/claude-3', undefined],
    ['chatgpt-4o-latest', undefined],
  ])('%s -> %s', (model, provider) => {
    expect(inferProvider(model)).toBe(provider);
  });

  it('uses an explicit provider over the model id', () => {
    expect(resolveSpec(spec({ model: 'my-proxy-model', provider: 'openai' })).request.provider).toBe('openai');
    expect(resolveSpec(spec({ model: 'gpt-4o', provider: 'anthropic' })).request.provider).toBe('anthropic');
  });

  it('refuses a model it cannot place, naming test_spec.provider', () => {
    const error = caught(() => resolveSpec(spec({ model: 'llama-3' })));
    expect(error).toMatchObject({ code: 'VALIDATION_ERROR', details: { field: 'test_spec.provider' } });
    expect(error.message).toBe(
      'test_spec.provider is required: the provider cannot be inferred from the model "llama-3" (claude-* is anthropic; gpt-*, o1*, o3*, o4* are openai); set provider: anthropic or openai',
    );
  });
});

describe('sampling parameters', () => {
  it(`defaults max_tokens to ${DEFAULT_MAX_TOKENS} and sends nothing else unasked`, () => {
    expect(resolveSpec(spec()).request).toEqual({ provider: 'anthropic', model: 'claude-sonnet-4-5', messages: [{ role: 'user', content: 'What is the capital of France?' }], max_tokens: DEFAULT_MAX_TOKENS });
  });

  it.each([
    ['model_config', { model_config: { temperature: 0.4, max_tokens: 9 } }],
    ['config (alias)', { config: { temperature: 0.4, max_tokens: 9 } }],
    ['top-level max_tokens and temperature (aliases)', { temperature: 0.4, max_tokens: 9 }],
    ['an alias beside a model_config without that key', { temperature: 0.4, model_config: { max_tokens: 9 } }],
  ])('reads %s', (_name, overrides) => {
    expect(resolveSpec(spec(overrides)).request).toMatchObject({ temperature: 0.4, max_tokens: 9 });
  });

  it.each([
    { overrides: { model_config: { temperature: 1.5 } }, field: 'test_spec.model_config.temperature' },
    { overrides: { config: { temperature: 1.01 } }, field: 'test_spec.config.temperature' },
    { overrides: { temperature: 2 }, field: 'test_spec.temperature' },
  ])('refuses temperature above 1 for Anthropic, naming $field', ({ overrides, field }) => {
    const error = caught(() => resolveSpec(spec(overrides)));
    expect(error.details.field).toBe(field);
    expect(error.message).toBe(`${field} must be <= 1 for Anthropic models (OpenAI accepts up to 2)`);
  });

  it('accepts temperature up to 2 for OpenAI, and exactly 1 for Anthropic', () => {
    expect(resolveSpec(spec({ model: 'gpt-4o', temperature: 2 })).request.temperature).toBe(2);
    expect(resolveSpec(spec({ temperature: 1 })).request.temperature).toBe(1);
  });

  it('sends top_k to Anthropic; drops it for OpenAI with a note', () => {
    expect(resolveSpec(spec({ model_config: { top_k: 5 } }))).toMatchObject({ request: { top_k: 5 }, notes: [] });
    const openai = resolveSpec(spec({ model: 'gpt-4o', model_config: { top_k: 5 } }));
    expect(openai.request).not.toHaveProperty('top_k');
    expect(openai.notes).toEqual(['top_k is not supported by OpenAI and was ignored']);
  });

  it('sends seed to OpenAI; drops it for Anthropic with a note', () => {
    expect(resolveSpec(spec({ model: 'o3-mini', seed: 9 }))).toMatchObject({ request: { seed: 9 }, notes: [] });
    const anthropic = resolveSpec(spec({ seed: 9 }));
    expect(anthropic.request).not.toHaveProperty('seed');
    expect(anthropic.notes).toEqual(['seed is not supported by Anthropic and was ignored']);
  });

  it('sends top_p and stop_sequences to both providers', () => {
    for (const model of ['claude-sonnet-4-5', 'gpt-4o']) {
      expect(resolveSpec(spec({ model, model_config: { top_p: 0.5, stop_sequences: ['END'] } })).request).toMatchObject({ top_p: 0.5, stop_sequences: ['END'] });
    }
  });

  it('leaves out an empty stop_sequences list', () => {
    expect(resolveSpec(spec({ model_config: { stop_sequences: [] } })).request).not.toHaveProperty('stop_sequences');
  });

  it('refuses more than 4 stop sequences for OpenAI, and whitespace-only ones for Anthropic', () => {
    const openai = caught(() => resolveSpec(spec({ model: 'gpt-4o', config: { stop_sequences: ['a', 'b', 'c', 'd', 'e'] } })));
    expect(openai.message).toBe('test_spec.config.stop_sequences must have at most 4 items for OpenAI models (got 5)');
    expect(resolveSpec(spec({ model_config: { stop_sequences: ['a', 'b', 'c', 'd', 'e'] } })).request.stop_sequences).toHaveLength(5);
    const anthropic = caught(() => resolveSpec(spec({ model_config: { stop_sequences: ['END', ' \n'] } })));
    expect(anthropic.message).toBe('test_spec.model_config.stop_sequences[1] must contain a non-whitespace character for Anthropic models');
  });

  it('returns timeout_ms apart from the request', () => {
    const resolved = resolveSpec(spec({ timeout_ms: 1234 }));
    expect(resolved.timeoutMs).toBe(1234);
    expect(JSON.stringify(resolved.request)).not.toContain('1234');
    expect(resolveSpec(spec()).timeoutMs).toBeUndefined();
  });
});

describe('conversation', () => {
  it('appends query as the last user turn after the messages', () => {
    const resolved = resolveSpec(spec({ inputs: { messages: [{ role: 'user', content: 'a' }, { role: 'assistant', content: 'b' }], query: 'c' } }));
    expect(resolved.request.messages).toEqual([{ role: 'user', content: 'a' }, { role: 'assistant', content: 'b' }, { role: 'user', content: 'c' }]);
  });

  it('joins system_prompt, system turns (in order) and context into the system prompt', () => {
    const { request, notes } = resolveSpec(spec({
      inputs: {
        system_prompt: 'one',
        messages: [{ role: 'system', content: 'two' }, { role: 'user', content: 'u' }, { role: 'system', content: 'three' }],
        context: { id: 7 },
      },
    }));
    expect(request.system).toBe('one\n\ntwo\n\nthree\n\n<context>\n{\n  "id": 7\n}\n</context>');
    expect(request.messages).toEqual([{ role: 'user', content: 'u' }]);
    expect(notes).toEqual(['2 system turns of inputs.messages joined the system prompt']);
  });

  it('reads inputs.system as the system prompt (alias)', () => {
    expect(resolveSpec(spec({ inputs: { query: 'q', system: 'be brief' } })).request.system).toBe('be brief');
  });

  it('renders context as pretty JSON in a <context> block, after the system prompt', () => {
    expect(renderContext({ user: { tier: 'gold' }, items: [1, 2] })).toBe('<context>\n{\n  "user": {\n    "tier": "gold"\n  },\n  "items": [\n    1,\n    2\n  ]\n}\n</context>');
    expect(resolveSpec(spec({ inputs: { query: 'q', context: { a: 'b' } } })).request.system).toBe('<context>\n{\n  "a": "b"\n}\n</context>');
  });

  it('leaves out an empty system prompt and an empty context', () => {
    expect(resolveSpec(spec({ inputs: { query: 'q', system_prompt: '', context: {} } })).request).not.toHaveProperty('system');
  });

  it('refuses a conversation that ends with an assistant turn, naming that turn', () => {
    const error = caught(() =>
      resolveSpec(spec({ inputs: { messages: [{ role: 'user', content: 'a' }, { role: 'assistant', content: 'b' }, { role: 'system', content: 'c' }] } })),
    );
    expect(error.details.field).toBe('test_spec.inputs.messages[1].role');
    expect(error.message).toContain('ends the conversation with an assistant turn');
  });

  it.each([
    ['only a system prompt', { system_prompt: 'be brief' }],
    ['only context', { context: { a: 1 } }],
    ['only system turns', { messages: [{ role: 'system', content: 's' }] }],
  ])('refuses inputs with %s: no user turn to answer', (_name, inputs) => {
    const error = caught(() => resolveSpec(spec({ inputs })));
    expect(error.details.field).toBe('test_spec.inputs');
    expect(error.message).toBe('test_spec.inputs has no user turn: give inputs.query, or inputs.messages with a user message, for the model to answer');
  });

  it('refuses a system prompt that grows past 400 000 characters with context', () => {
    const error = caught(() => resolveSpec(spec({ inputs: { query: 'q', system_prompt: 'x'.repeat(200_000), context: { big: 'y'.repeat(200_000) } } })));
    expect(error.details.field).toBe('test_spec.inputs');
    expect(error.message).toMatch(/^test_spec\.inputs makes a system prompt of 4000\d\d characters/);
  });
});

describe('framework', () => {
  it('stores framework and framework_config and says they were not executed', () => {
    const { request, notes } = resolveSpec(spec({ framework: 'crewai', tools: ['t'] }));
    expect(JSON.stringify(request)).not.toContain('crewai');
    expect(notes).toEqual(['framework "crewai" is stored and shown, not executed: the model was called directly']);
  });
});

describe('resolveSpec does not change the spec it is given', () => {
  it('leaves aliases, inputs and tools as written', () => {
    const written = spec({ config: { temperature: 0.1 }, inputs: { system: 's', query: 'q' }, tools: ['a'], max_tokens: 5 });
    const copy = structuredClone(written);
    resolveSpec(written);
    expect(written).toEqual(copy);
  });
});
