import { afterEach, describe, expect, it } from 'vitest';
import type { StubBehavior } from '../../src/testing/index.js';
import { PROVIDER_CASES, closeProviderFixtures, registryFor, rejectionOf, requestFor, stubFor } from './helpers/provider-fixture.js';

afterEach(closeProviderFixtures);

/** The first request gets `first`, every later one a normal answer. */
const thenAnswer = (first: StubBehavior) => (_request: unknown, index: number): StubBehavior => (index === 0 ? first : { text: 'Paris.' });

/** The SDKs' own backoff before the first retry is 0.5 s × (0.75 to 1): a gap above that is the header's. */
const SDK_FIRST_BACKOFF_MAX_MS = 500;

describe.each(PROVIDER_CASES)('$label: 429 and overload answers are retried by the SDK, honouring the wait asked for', (providerCase) => {
  const { provider } = providerCase;

  it.each<{ name: string; headers: Record<string, string>; minGapMs: number }>([
    { name: 'retry-after (seconds)', headers: { 'retry-after': '1' }, minGapMs: 950 },
    { name: 'retry-after-ms', headers: { 'retry-after-ms': '1200' }, minGapMs: 1150 },
    { name: 'retry-after-ms over retry-after', headers: { 'retry-after-ms': '700', 'retry-after': '30' }, minGapMs: 650 },
  ])('429 with $name, then 200: one answer, the same body sent twice, after the wait', async ({ headers, minGapMs }) => {
    const stub = await stubFor(providerCase, { behavior: thenAnswer({ error: { status: 429 }, headers }) });
    // The deadline turns "waited for the wrong header" (30 s) into a failure instead of a slow pass.
    const client = registryFor(providerCase, stub.baseUrl, { maxRetries: 1 }).client(provider);
    const answer = await client.complete(requestFor(providerCase), { timeoutMs: 10_000 });
    expect(answer.output).toBe('Paris.');
    expect(stub.requests.map((request) => request.status)).toEqual([429, 200]);
    expect(stub.callsByRequest()).toEqual([expect.objectContaining({ count: 2, succeeded: 1 })]);
    const [first, second] = stub.requests;
    expect(second!.receivedAt - first!.receivedAt).toBeGreaterThanOrEqual(Math.max(minGapMs, SDK_FIRST_BACKOFF_MAX_MS));
  });

  it('retry-after as an HTTP date is waited for too', async () => {
    const headers = { 'retry-after': new Date(Date.now() + 2_000).toUTCString() };
    const stub = await stubFor(providerCase, { behavior: thenAnswer({ error: { status: 429 }, headers }) });
    await registryFor(providerCase, stub.baseUrl, { maxRetries: 1 }).client(provider).complete(requestFor(providerCase));
    const [first, second] = stub.requests;
    // The date has whole seconds, so the wait is 1-2 s: still above the SDK's own backoff.
    expect(second!.receivedAt - first!.receivedAt).toBeGreaterThan(SDK_FIRST_BACKOFF_MAX_MS + 300);
  });

  it(`overload (${providerCase.overloadStatus}) then 200: retried`, async () => {
    const stub = await stubFor(providerCase, { behavior: thenAnswer({ error: { status: providerCase.overloadStatus }, headers: { 'retry-after-ms': '10' } }) });
    const answer = await registryFor(providerCase, stub.baseUrl, { maxRetries: 1 }).client(provider).complete(requestFor(providerCase));
    expect(answer.output).toBe('Paris.');
    expect(stub.requests.map((request) => request.status)).toEqual([providerCase.overloadStatus, 200]);
  });

  it('x-should-retry: false stops the retry of a 429; x-should-retry: true retries a 400', async () => {
    const refused = await stubFor(providerCase, { behavior: { error: { status: 429 }, headers: { 'x-should-retry': 'false', 'retry-after-ms': '10' } } });
    const error = await rejectionOf(registryFor(providerCase, refused.baseUrl, { maxRetries: 1 }).client(provider).complete(requestFor(providerCase)));
    expect(error).toMatchObject({ code: 'UPSTREAM_ERROR', details: { upstream_status: 429, retry_after_ms: 10 } });
    expect(refused.requests).toHaveLength(1);

    const forced = await stubFor(providerCase, { behavior: thenAnswer({ error: { status: 400 }, headers: { 'x-should-retry': 'true', 'retry-after-ms': '10' } }) });
    const answer = await registryFor(providerCase, forced.baseUrl, { maxRetries: 1 }).client(provider).complete(requestFor(providerCase));
    expect(answer.output).toBe('Paris.');
    expect(forced.requests).toHaveLength(2);
  });

  it('a wait longer than maxRetryWaitMs is not waited for: the 429 is answered at once with retry_after_ms', async () => {
    const stub = await stubFor(providerCase, { behavior: thenAnswer({ error: { status: 429, message: 'quota exceeded' }, headers: { 'retry-after': '3600' } }) });
    const registry = registryFor(providerCase, stub.baseUrl, { maxRetries: 1, maxRetryWaitMs: 1_000 });
    const error = await rejectionOf(registry.client(provider).complete(requestFor(providerCase)));
    expect(error).toMatchObject({ code: 'UPSTREAM_ERROR', details: { provider, upstream_status: 429, retry_after_ms: 3_600_000 } });
    expect(error.message).toContain('quota exceeded (it asked to wait 3600 s before retrying, longer than the 1 s Sentinel waits)');
    expect(stub.requests).toHaveLength(1);
  });

  it('after the last retry, the error is answered (maxRetries 1: two calls in all)', async () => {
    const stub = await stubFor(providerCase, { behavior: { error: { status: 500 }, headers: { 'retry-after-ms': '10' } } });
    const error = await rejectionOf(registryFor(providerCase, stub.baseUrl, { maxRetries: 1 }).client(provider).complete(requestFor(providerCase)));
    expect(error).toMatchObject({ code: 'UPSTREAM_ERROR', details: { upstream_status: 500 } });
    expect(stub.requests).toHaveLength(2);
  });
});
