import { afterEach, describe, expect, it } from 'vitest';
import { createProviderRegistry } from '../../src/providers/registry.js';
import { PROVIDER_CASES, closeProviderFixtures, closedPortUrl, registryFor, stubFor } from './helpers/provider-fixture.js';

afterEach(closeProviderFixtures);

describe('list()', () => {
  it('names each provider, its key variable, whether it has a key, and its priced models (no deprecated ones)', () => {
    const providers = createProviderRegistry({ anthropic: { apiKey: 'sk-ant-x' } }).list();
    expect(providers.map(({ name, label, configured, key_variable }) => ({ name, label, configured, key_variable }))).toEqual([
      { name: 'anthropic', label: 'Anthropic', configured: true, key_variable: 'ANTHROPIC_API_KEY' },
      { name: 'openai', label: 'OpenAI', configured: false, key_variable: 'OPENAI_API_KEY' },
    ]);
    const [anthropic, openai] = providers;
    expect(anthropic?.models).toContainEqual({ id: 'claude-sonnet-4-6', input_usd_per_mtok: 3, output_usd_per_mtok: 15 });
    expect(openai?.models).toContainEqual({ id: 'gpt-4.1', input_usd_per_mtok: 2, output_usd_per_mtok: 8 });
    expect(anthropic?.models.map((model) => model.id)).not.toContain('claude-3-haiku-20240307');
  });
});

describe.each(PROVIDER_CASES)('verify() for $label', (providerCase) => {
  const { provider, label } = providerCase;

  it('says the configured key works, after one free GET /v1/models with that key', async () => {
    const stub = await stubFor(providerCase);
    const verification = await registryFor(providerCase, stub.baseUrl).verify(provider);
    expect(verification).toEqual({ provider, ok: true, message: `The ${label} key works`, upstream_status: 200 });
    expect(stub.requests.map(({ method, path, apiKey }) => ({ method, path, apiKey }))).toEqual([{ method: 'GET', path: '/v1/models', apiKey: providerCase.key }]);
  });

  it('checks a given key instead of the configured one (and without one configured)', async () => {
    const stub = await stubFor(providerCase, { apiKey: 'sk-the-new-key-0000' });
    expect((await registryFor(providerCase, stub.baseUrl).verify(provider, 'sk-the-new-key-0000')).ok).toBe(true);
    const unconfigured = createProviderRegistry({ [provider]: { baseUrl: stub.baseUrl } });
    expect((await unconfigured.verify(provider, 'sk-the-new-key-0000')).ok).toBe(true);
    expect(stub.requests.map((request) => request.apiKey)).toEqual(['sk-the-new-key-0000', 'sk-the-new-key-0000']);
  });

  it('says plainly that a refused key (401) does not work, without echoing it', async () => {
    const stub = await stubFor(providerCase, { apiKey: 'sk-the-right-key-0000' });
    const wrongKey = 'sk-wrong-key-1234567890';
    const verification = await registryFor(providerCase, stub.baseUrl).verify(provider, wrongKey);
    expect(verification).toMatchObject({ provider, ok: false, upstream_status: 401 });
    expect(verification.message).toMatch(new RegExp(`^${label} refused the key: ${label} answered 401`));
    expect(verification.message).not.toContain(wrongKey);
  });

  it('a 403 is a refused key too; an echoed key is scrubbed', async () => {
    const stub = await stubFor(providerCase, { behavior: { error: { status: 403, message: `key ${providerCase.key} may not use this API` } } });
    const verification = await registryFor(providerCase, stub.baseUrl).verify(provider);
    expect(verification).toMatchObject({ ok: false, upstream_status: 403 });
    expect(verification.message).toContain('refused the key');
    expect(verification.message).toContain('key [REDACTED] may not use this API');
  });

  it('an unreachable provider: not ok, no status, "could not be checked" naming the endpoint', async () => {
    const baseUrl = await closedPortUrl();
    const verification = await registryFor(providerCase, baseUrl).verify(provider);
    expect(verification).toMatchObject({ provider, ok: false, upstream_status: null });
    expect(verification.message).toMatch(new RegExp(`^The key could not be checked \\(${baseUrl}\\): ${label} could not be reached: .*ECONNREFUSED`));
  });

  it('no answer within verifyTimeoutMs: not ok, no status, "did not answer", without retrying', async () => {
    const stub = await stubFor(providerCase, { behavior: { hang: true } });
    const verification = await registryFor(providerCase, stub.baseUrl, { verifyTimeoutMs: 200, maxRetries: 3 }).verify(provider);
    expect(verification).toMatchObject({ ok: false, upstream_status: null });
    expect(verification.message).toContain(`${label} did not answer in time (200 ms per attempt)`);
    expect(stub.requests).toHaveLength(1);
  });

  it(`another error (${providerCase.overloadStatus}) means the key could not be checked, with the status`, async () => {
    const stub = await stubFor(providerCase, { behavior: { error: { status: providerCase.overloadStatus } } });
    const verification = await registryFor(providerCase, stub.baseUrl, { maxRetries: 2 }).verify(provider);
    expect(verification).toMatchObject({ ok: false, upstream_status: providerCase.overloadStatus });
    expect(verification.message).toMatch(/^The key could not be checked/);
    expect(stub.requests).toHaveLength(1);
  });

  it('without any key: not ok, saying where to add one, and nothing is called', async () => {
    const stub = await stubFor(providerCase);
    const verification = await createProviderRegistry({ [provider]: { baseUrl: stub.baseUrl } }).verify(provider);
    expect(verification).toEqual({
      provider,
      ok: false,
      message: `No ${label} API key is configured: add one in Settings, or set ${provider.toUpperCase()}_API_KEY`,
      upstream_status: null,
    });
    expect(stub.requests).toHaveLength(0);
  });
});
