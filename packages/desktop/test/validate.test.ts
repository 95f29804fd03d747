import { describe, expect, it } from 'vitest';
import { validateApiKey, validateListOptions, validateTestSpec } from '../src/host/validate.js';

const spec = { name: 'Capital', model: 'claude-haiku-4-5', inputs: { query: 'Capital of France?' }, assertions: [{ must_contain: 'Paris' }, { max_latency_ms: 5000 }] };

describe('validateTestSpec', () => {
  it('accepts a good spec unchanged', () => {
    expect(validateTestSpec(spec)).toEqual(spec);
  });

  it.each([
    [{ ...spec, name: '' }, /^name /],
    [{ ...spec, inputs: {} }, /^inputs\.query /],
    [{ ...spec, assertions: 'x' }, /^assertions must be an array/],
    [{ ...spec, assertions: [{ nope: 1 }] }, /assertions\[0\] has an unknown kind/],
    [{ ...spec, assertions: [{ regex: '(' }] }, /assertions\[0\]\.regex is not a valid/],
    [{ ...spec, assertions: [{ min_length: -1 }] }, /assertions\[0\]\.min_length must be/],
    [{ ...spec, assertions: [{ must_contain: 'a', regex: 'b' }] }, /exactly one kind/],
    [{ ...spec, max_tokens: 0 }, /^max_tokens /],
    [null, /^test_spec /],
  ])('rejects %j naming the field', (input, message) => {
    expect(() => validateTestSpec(input)).toThrow(message);
    try {
      validateTestSpec(input);
    } catch (error) {
      expect(error).toMatchObject({ code: 'DESKTOP_ERR_INVALID_INPUT' });
    }
  });

  it('drops unknown top-level fields', () => {
    expect(validateTestSpec({ ...spec, evil: true })).not.toHaveProperty('evil');
  });
});

describe('validateApiKey', () => {
  it('trims and accepts a key', () => {
    expect(validateApiKey('  sk-ant-api03-xyz123  ')).toBe('sk-ant-api03-xyz123');
  });
  it.each(['', 'short', 'has space inside key', 42, 'line\nbreak-abcdefgh'])('rejects %j', (key) => {
    expect(() => validateApiKey(key)).toThrow(/apiKey/);
  });
});

describe('validateListOptions', () => {
  it('accepts limit and cursor, rejects a silly limit', () => {
    expect(validateListOptions({ limit: 20, cursor: 'abc' })).toEqual({ limit: 20, cursor: 'abc' });
    expect(() => validateListOptions({ limit: 10_000 })).toThrow(/limit/);
  });
});

describe('SentinelHost options', () => {
  it.each([
    [{ sidecarPath: '' }, /option "sidecarPath" must be a non-empty path, received ""/],
    [{ dataDir: undefined }, /option "dataDir" must be a non-empty path, received undefined/],
    [{ mode: 'tauri' }, /option "mode" must be 'electron' or 'browser', received "tauri"/],
  ])('rejects %j with a TypeError naming the option and value', async (override, message) => {
    const { SentinelHost } = await import('../src/host/host.js');
    const { FileSecretStore, PLAINTEXT_CODEC } = await import('../src/host/secret-store.js');
    const options = {
      mode: 'browser' as const,
      sidecarPath: '/x/sentinel-backend.mjs',
      dataDir: '/tmp/x',
      secretStore: new FileSecretStore('/tmp/x/key', PLAINTEXT_CODEC),
      createSupervisor: () => {
        throw new Error('unused');
      },
      createClient: () => {
        throw new Error('unused');
      },
      ...override,
    };
    expect(() => new SentinelHost(options as never)).toThrow(TypeError);
    expect(() => new SentinelHost(options as never)).toThrow(message);
  });
});
