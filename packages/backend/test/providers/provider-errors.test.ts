import { afterEach, describe, expect, it } from 'vitest';
import { BackendError } from '../../src/app/errors.js';
import { createProviderRegistry } from '../../src/providers/registry.js';
import {
  ANTHROPIC_KEY,
  OPENAI_KEY,
  PROVIDER_CASES,
  closeProviderFixtures,
  closedPortUrl,
  registryFor,
  rejectionOf,
  requestFor,
  stubFor,
} from './helpers/provider-fixture.js';

afterEach(closeProviderFixtures);

/** A behaviour that tells the test when the request arrived, then never answers. */
function hangAndSignal(): { behavior: () => { hang: true }; arrived: Promise<void> } {
  let arrive: () => void = () => undefined;
  const arrived = new Promise<void>((resolve) => (arrive = resolve));
  return { behavior: () => (arrive(), { hang: true }), arrived };
}

describe.each(PROVIDER_CASES)('$label errors become BackendErrors naming the provider', (providerCase) => {
  const { provider, label } = providerCase;

  it.each([
    { status: 400, code: 'UPSTREAM_ERROR', httpStatus: 502 },
    { status: 401, code: 'UPSTREAM_ERROR', httpStatus: 502 },
    { status: 404, code: 'UPSTREAM_ERROR', httpStatus: 502 },
    { status: 429, code: 'UPSTREAM_ERROR', httpStatus: 502 },
    { status: 500, code: 'UPSTREAM_ERROR', httpStatus: 502 },
    { status: providerCase.overloadStatus, code: 'UPSTREAM_ERROR', httpStatus: 502 },
    { status: 408, code: 'UPSTREAM_TIMEOUT', httpStatus: 504 },
    { status: 504, code: 'UPSTREAM_TIMEOUT', httpStatus: 504 },
  ])('upstream $status → $httpStatus $code with upstream_status, upstream_type and the message', async ({ status, code, httpStatus }) => {
    const stub = await stubFor(providerCase, { behavior: { error: { status, type: 'some_error', code: 'some_error', message: `upstream says ${status}` } } });
    const error = await rejectionOf(registryFor(providerCase, stub.baseUrl).client(provider).complete(requestFor(providerCase)));
    expect(error).toBeInstanceOf(BackendError);
    expect(error).toMatchObject({ code, statusCode: httpStatus, details: { provider, upstream_status: status, upstream_type: 'some_error', retry_after_ms: null } });
    expect(error.message).toBe(`${label} answered ${status} some_error: upstream says ${status}`);
    expect(stub.requests).toHaveLength(1);
  });

  it('the default error type of each provider is reported (Anthropic type, OpenAI code)', async () => {
    const stub = await stubFor(providerCase, { behavior: { error: { status: 429 } } });
    const error = await rejectionOf(registryFor(providerCase, stub.baseUrl).client(provider).complete(requestFor(providerCase)));
    expect(error).toMatchObject({ details: { upstream_type: provider === 'anthropic' ? 'rate_limit_error' : 'rate_limit_exceeded' } });
  });

  it('an unreachable provider → 502 UPSTREAM_UNREACHABLE saying why', async () => {
    const baseUrl = await closedPortUrl(provider === 'openai' ? '/v1' : '');
    const error = await rejectionOf(registryFor(providerCase, baseUrl).client(provider).complete(requestFor(providerCase)));
    expect(error).toMatchObject({ code: 'UPSTREAM_UNREACHABLE', statusCode: 502, details: { provider } });
    expect(error.message).toMatch(new RegExp(`^${label} could not be reached: .*ECONNREFUSED`));
  });

  it('no answer within the per-attempt timeout → 504 UPSTREAM_TIMEOUT', async () => {
    const stub = await stubFor(providerCase, { behavior: { hang: true } });
    const error = await rejectionOf(registryFor(providerCase, stub.baseUrl, { timeoutMs: 150 }).client(provider).complete(requestFor(providerCase)));
    expect(error).toMatchObject({ code: 'UPSTREAM_TIMEOUT', statusCode: 504, details: { provider } });
    expect(error.message).toBe(`${label} did not answer in time (150 ms per attempt)`);
  });

  it('timeoutMs bounds the whole call → 504 UPSTREAM_TIMEOUT, and the request is cut', async () => {
    const { behavior, arrived } = hangAndSignal();
    const stub = await stubFor(providerCase, { behavior });
    const pending = registryFor(providerCase, stub.baseUrl).client(provider).complete(requestFor(providerCase), { timeoutMs: 200 });
    await arrived;
    const error = await rejectionOf(pending);
    expect(error).toMatchObject({ code: 'UPSTREAM_TIMEOUT', statusCode: 504, details: { provider } });
    expect(error.message).toBe(`${label} did not answer within 200 ms (the call's timeout_ms)`);
  });

  it('timeoutMs also cuts a wait for a retry (the SDK sleeping on retry-after)', async () => {
    const stub = await stubFor(providerCase, { behavior: { error: { status: 429 }, headers: { 'retry-after': '30' } } });
    const registry = registryFor(providerCase, stub.baseUrl, { maxRetries: 1, maxRetryWaitMs: 60_000 });
    const started = performance.now();
    const error = await rejectionOf(registry.client(provider).complete(requestFor(providerCase), { timeoutMs: 300 }));
    expect(error).toMatchObject({ code: 'UPSTREAM_TIMEOUT', details: { provider } });
    // Far below the 30 s the provider asked to wait: the bound answered, not the SDK's sleep.
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(stub.requests).toHaveLength(1);
  });

  it('an aborted signal cancels the call → 503 SHUTTING_DOWN; a BackendError reason is answered as is', async () => {
    const { behavior, arrived } = hangAndSignal();
    const stub = await stubFor(providerCase, { behavior });
    const client = registryFor(providerCase, stub.baseUrl).client(provider);
    const controller = new AbortController();
    const pending = client.complete(requestFor(providerCase), { signal: controller.signal });
    await arrived;
    controller.abort();
    expect(await rejectionOf(pending)).toMatchObject({ code: 'SHUTTING_DOWN', statusCode: 503, details: { provider } });

    const cancelled = new AbortController();
    const reason = new BackendError('VALIDATION_ERROR', { message: 'cancelled by the suite run' });
    const second = client.complete(requestFor(providerCase), { signal: cancelled.signal });
    cancelled.abort(reason);
    expect(await rejectionOf(second)).toBe(reason);
  });

  it('an already aborted signal answers SHUTTING_DOWN without calling the provider', async () => {
    const stub = await stubFor(providerCase);
    const error = await rejectionOf(registryFor(providerCase, stub.baseUrl).client(provider).complete(requestFor(providerCase), { signal: AbortSignal.abort() }));
    expect(error).toMatchObject({ code: 'SHUTTING_DOWN', details: { provider } });
    expect(stub.requests).toHaveLength(0);
  });

  it('scrubs both keys out of an upstream message that echoes them', async () => {
    const message = `bad keys ${ANTHROPIC_KEY} and ${OPENAI_KEY}`;
    const stub = await stubFor(providerCase, { behavior: { error: { status: 401, message } } });
    const registry = createProviderRegistry({
      maxRetries: 0,
      anthropic: { apiKey: ANTHROPIC_KEY, baseUrl: stub.baseUrl },
      openai: { apiKey: OPENAI_KEY, baseUrl: stub.baseUrl },
    });
    const error = await rejectionOf(registry.client(provider).complete(requestFor(providerCase)));
    expect(error.message).toBe(`${label} answered 401 ${provider === 'anthropic' ? 'authentication_error' : 'invalid_api_key'}: bad keys [REDACTED] and [REDACTED]`);
  });

  it('without a key: 400 NO_API_KEY naming the provider and where to add it, and nothing is called', () => {
    const registry = createProviderRegistry({});
    const otherKey = provider === 'anthropic' ? { openai: { apiKey: OPENAI_KEY } } : { anthropic: { apiKey: ANTHROPIC_KEY } };
    for (const options of [{}, otherKey, { [provider]: { apiKey: '' } }]) {
      const thrown = (() => {
        try {
          createProviderRegistry(options).client(provider);
        } catch (error) {
          return error as BackendError;
        }
        return undefined;
      })();
      expect(thrown).toBeInstanceOf(BackendError);
      expect(thrown).toMatchObject({ code: 'NO_API_KEY', statusCode: 400, details: { provider, key_variable: `${provider.toUpperCase()}_API_KEY` } });
      expect(thrown?.message).toBe(`No ${label} API key is configured: add one in Settings, or set ${provider.toUpperCase()}_API_KEY`);
    }
    expect(registry.list().find((info) => info.name === provider)?.configured).toBe(false);
  });
});

describe('createProviderRegistry options', () => {
  it.each([
    { options: { timeoutMs: 0 }, name: 'timeoutMs' },
    { options: { maxRetries: -1 }, name: 'maxRetries' },
    { options: { maxRetryWaitMs: 1.5 }, name: 'maxRetryWaitMs' },
    { options: { verifyTimeoutMs: 0 }, name: 'verifyTimeoutMs' },
  ])('refuses $options with a TypeError naming $name', ({ options, name }) => {
    expect(() => createProviderRegistry(options)).toThrow(TypeError);
    expect(() => createProviderRegistry(options)).toThrow(`"${name}"`);
  });
});
