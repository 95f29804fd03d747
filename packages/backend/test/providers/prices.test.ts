import { describe, expect, it } from 'vitest';
import { PROVIDERS } from '../../src/contract/providers.js';
import { unsupportedParameters, withoutUnsupportedParameters } from '../../src/providers/model-limits.js';
import { PRICES_READ_ON, PRICE_SOURCES, PRICE_TABLE, estimateCostUsd, findModelPrice, pricedModels } from '../../src/providers/prices.js';

/** 100K tokens each way: a tenth of the per-million prices, and below every long-context threshold. */
const TENTH = { input_tokens: 100_000, output_tokens: 100_000 };

describe('estimateCostUsd', () => {
  it.each([
    // The examples' model, its dated and undated siblings.
    { provider: 'anthropic', model: 'claude-sonnet-4-6', cost: 18 },
    { provider: 'anthropic', model: 'claude-sonnet-4-5-20250929', cost: 18 },
    { provider: 'anthropic', model: 'claude-sonnet-4-5', cost: 18 },
    { provider: 'anthropic', model: 'claude-opus-4-7', cost: 30 },
    { provider: 'anthropic', model: 'claude-opus-4-1-20250805', cost: 90 },
    { provider: 'anthropic', model: 'claude-opus-4-20250514', cost: 90 },
    { provider: 'anthropic', model: 'claude-opus-4-0', cost: 90 },
    { provider: 'anthropic', model: 'claude-haiku-4-5-20251001', cost: 6 },
    { provider: 'anthropic', model: 'claude-3-5-haiku-20241022', cost: 4.8 },
    { provider: 'openai', model: 'gpt-5.4', cost: 17.5 },
    { provider: 'openai', model: 'gpt-5.4-mini-2026-03-17', cost: 5.25 },
    { provider: 'openai', model: 'gpt-5', cost: 11.25 },
    { provider: 'openai', model: 'gpt-5-2025-08-07', cost: 11.25 },
    { provider: 'openai', model: 'gpt-5-mini', cost: 2.25 },
    { provider: 'openai', model: 'gpt-4.1-2025-04-14', cost: 10 },
    { provider: 'openai', model: 'gpt-4.1-nano', cost: 0.5 },
    { provider: 'openai', model: 'gpt-4o', cost: 12.5 },
    { provider: 'openai', model: 'gpt-4o-2024-08-06', cost: 12.5 },
    { provider: 'openai', model: 'gpt-4o-2024-05-13', cost: 20 },
    { provider: 'openai', model: 'gpt-4o-mini-2024-07-18', cost: 0.75 },
    { provider: 'openai', model: 'o3', cost: 10 },
    { provider: 'openai', model: 'o3-pro', cost: 100 },
    { provider: 'openai', model: 'o4-mini-2025-04-16', cost: 5.5 },
  ] as const)('$provider $model: $cost USD for a million tokens each way', ({ provider, model, cost }) => {
    expect(estimateCostUsd(provider, model, TENTH)).toBeCloseTo(cost / 10, 10);
  });

  it.each([
    { provider: 'anthropic', model: 'claude-sonnet-9' },
    { provider: 'anthropic', model: 'claude-sonnet-4-6-preview' },
    { provider: 'anthropic', model: 'gpt-4.1' },
    { provider: 'openai', model: 'claude-sonnet-4-6' },
    { provider: 'openai', model: 'gpt-4o-2026-01-01' },
    { provider: 'openai', model: 'gpt-4o-realtime-preview' },
    { provider: 'openai', model: 'gpt-4.1-turbo' },
    { provider: 'openai', model: 'o3-deep-research' },
    { provider: 'openai', model: 'GPT-4.1' },
  ] as const)('an unknown model ($provider $model) has no cost, never a neighbour\'s', ({ provider, model }) => {
    expect(estimateCostUsd(provider, model, TENTH)).toBeNull();
  });

  it('prices cached input tokens at the cache rate, and has no cost when that rate is unknown', () => {
    const usage = { input_tokens: 100_000, output_tokens: 0, cached_input_tokens: 40_000 };
    expect(estimateCostUsd('openai', 'gpt-4.1', usage)).toBeCloseTo(0.06 * 2 + 0.04 * 0.5, 10);
    expect(estimateCostUsd('anthropic', 'claude-haiku-4-5', usage)).toBeCloseTo(0.06 * 1 + 0.04 * 0.1, 10);
    expect(estimateCostUsd('openai', 'gpt-5-pro', usage)).toBeNull();
    expect(estimateCostUsd('openai', 'gpt-5-pro', { ...usage, cached_input_tokens: 0 })).toBeCloseTo(1.5, 10);
  });

  it('bills a long request at the long-context rate where it is known, and gives no cost where it is not', () => {
    const long = { input_tokens: 300_000, output_tokens: 10_000 };
    expect(estimateCostUsd('anthropic', 'claude-sonnet-4-5', long)).toBeCloseTo(0.3 * 6 + 0.01 * 22.5, 10);
    expect(estimateCostUsd('anthropic', 'claude-sonnet-4-5', { input_tokens: 200_000, output_tokens: 10_000 })).toBeCloseTo(0.2 * 3 + 0.01 * 15, 10);
    expect(estimateCostUsd('anthropic', 'claude-sonnet-4-6', long)).toBeCloseTo(0.3 * 3 + 0.01 * 15, 10);
    expect(estimateCostUsd('openai', 'gpt-5.4', long)).toBeCloseTo(0.3 * 5 + 0.01 * 22.5, 10);
    expect(estimateCostUsd('openai', 'gpt-5.5', long)).toBeNull();
  });

  it('zero tokens cost zero; small calls are not rounded away', () => {
    expect(estimateCostUsd('openai', 'gpt-4.1-nano', { input_tokens: 0, output_tokens: 0 })).toBe(0);
    expect(estimateCostUsd('openai', 'gpt-5-nano', { input_tokens: 12, output_tokens: 3 })).toBeCloseTo((12 * 0.05 + 3 * 0.4) / 1e6, 15);
  });
});

describe('the price table', () => {
  it('says when and where it was read', () => {
    expect(PRICES_READ_ON).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(PRICE_SOURCES.anthropic).toMatch(/^https:\/\/platform\.claude\.com\//);
    expect(PRICE_SOURCES.openai).toMatch(/^https:\/\/developers\.openai\.com\//);
  });

  it('gives each id to one model only, and every id finds its own entry', () => {
    for (const provider of PROVIDERS) {
      const ids = PRICE_TABLE[provider].flatMap((entry) => entry.ids);
      expect(new Set(ids).size).toBe(ids.length);
      for (const entry of PRICE_TABLE[provider]) for (const id of entry.ids) expect(findModelPrice(provider, id)).toBe(entry);
    }
  });

  it('lists the served models with their base prices, the deprecated ones left out', () => {
    expect(pricedModels('anthropic').map((model) => model.id)).toEqual(expect.arrayContaining(['claude-opus-4-7', 'claude-sonnet-4-6', 'claude-haiku-4-5']));
    expect(pricedModels('anthropic').map((model) => model.id)).not.toContain('claude-3-7-sonnet-latest');
    expect(pricedModels('openai')).toContainEqual({ id: 'gpt-4o-mini', input_usd_per_mtok: 0.15, output_usd_per_mtok: 0.6 });
  });
});

describe('unsupportedParameters', () => {
  it.each([
    { provider: 'openai', model: 'o1', unsupported: ['top_k', 'temperature', 'top_p', 'stop_sequences'] },
    { provider: 'openai', model: 'o4-mini-2025-04-16', unsupported: ['top_k', 'temperature', 'top_p', 'stop_sequences'] },
    { provider: 'openai', model: 'gpt-5', unsupported: ['top_k', 'temperature', 'top_p', 'stop_sequences'] },
    { provider: 'openai', model: 'gpt-5-nano-2025-08-07', unsupported: ['top_k', 'temperature', 'top_p', 'stop_sequences'] },
    { provider: 'openai', model: 'gpt-5.2-pro', unsupported: ['top_k', 'temperature', 'top_p', 'stop_sequences'] },
    { provider: 'openai', model: 'gpt-5.1', unsupported: ['top_k', 'stop_sequences'] },
    { provider: 'openai', model: 'gpt-5.4-mini', unsupported: ['top_k', 'stop_sequences'] },
    { provider: 'openai', model: 'gpt-5.5', unsupported: ['top_k'] },
    { provider: 'openai', model: 'gpt-5-chat-latest', unsupported: ['top_k'] },
    { provider: 'openai', model: 'gpt-4.1', unsupported: ['top_k'] },
    { provider: 'anthropic', model: 'claude-opus-4-7', unsupported: ['seed', 'temperature', 'top_p', 'top_k'] },
    { provider: 'anthropic', model: 'claude-opus-4-6', unsupported: ['seed'] },
    { provider: 'anthropic', model: 'claude-sonnet-4-6', unsupported: ['seed'] },
  ] as const)('$provider $model does not take $unsupported', ({ provider, model, unsupported }) => {
    expect(unsupportedParameters(provider, model)).toEqual(unsupported);
  });
});

describe('withoutUnsupportedParameters', () => {
  const base = { provider: 'anthropic', model: 'claude-sonnet-4-5', messages: [{ role: 'user', content: 'x' }], max_tokens: 10 } as const;

  it('keeps a request every parameter of which the model takes, as the same object', () => {
    const request = { ...base, temperature: 0.2, stop_sequences: ['END'] };
    expect(withoutUnsupportedParameters(request)).toEqual({ request, notes: [] });
    expect(withoutUnsupportedParameters(request).request).toBe(request);
  });

  it('Claude 4.1+ takes temperature or top_p, not both: top_p is left out when both are set', () => {
    expect(withoutUnsupportedParameters({ ...base, temperature: 0, top_p: 0.9 })).toEqual({
      request: { ...base, temperature: 0 },
      notes: ['top_p is not supported together with temperature by claude-sonnet-4-5 and was not sent'],
    });
    expect(withoutUnsupportedParameters({ ...base, top_p: 0.9 }).notes).toEqual([]);
    expect(withoutUnsupportedParameters({ ...base, model: 'claude-sonnet-4-0', temperature: 0, top_p: 0.9 }).notes).toEqual([]);
  });

  it('never drops a parameter twice (claude-opus-4-7 drops both sampling parameters once each)', () => {
    const { request, notes } = withoutUnsupportedParameters({ ...base, model: 'claude-opus-4-7', temperature: 0, top_p: 0.9, top_k: 3, seed: 1 });
    expect(request).toEqual({ ...base, model: 'claude-opus-4-7' });
    expect(notes).toEqual([
      'seed is not supported by Anthropic and was not sent',
      'temperature is not supported by claude-opus-4-7 and was not sent',
      'top_p is not supported by claude-opus-4-7 and was not sent',
      'top_k is not supported by claude-opus-4-7 and was not sent',
    ]);
  });
});
