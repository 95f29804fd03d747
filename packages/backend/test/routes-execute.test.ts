import { afterEach, describe, expect, it } from 'vitest';
import { API_KEY, AUTH, closeFixtures, spec, startAppFixture } from './helpers/app-fixture.js';
import { removeTempDirs } from './helpers/temp-dir.js';

afterEach(async () => {
  await closeFixtures();
  await removeTempDirs();
});

const EXECUTE = '/api/execution/execute';

describe('POST /api/execution/execute through the real SDK and the stub', () => {
  it('calls the model with the key, model, system, max_tokens and temperature, and answers the result', async () => {
    const { app, stub } = await startAppFixture();
    stub.setBehavior({ text: 'Paris is the capital of France.' });
    const response = await app.inject({ method: 'POST', url: EXECUTE, headers: AUTH, payload: { test_spec: spec() } });
    expect(response.statusCode).toBe(200);
    const { result } = response.json();
    expect(result).toMatchObject({
      name: 'capital',
      success: true,
      output: 'Paris is the capital of France.',
      model: 'claude-test-1',
      assertions: [{ kind: 'must_contain', expected: 'France', passed: true }],
    });
    expect(result.id).toMatch(/^[0-9a-f]{24}$/);
    expect(result.usage.output_tokens).toBeGreaterThan(0);
    expect(Number.isNaN(Date.parse(result.started_at))).toBe(false);
    expect(stub.requests).toHaveLength(1);
    const [sent] = stub.requests;
    expect(sent?.apiKey).toBe(API_KEY);
    expect(sent?.body).toMatchObject({
      model: 'claude-test-1',
      max_tokens: 64,
      temperature: 0,
      system: 'Answer in one word.',
      messages: [{ role: 'user', content: 'What is the capital of France?' }],
    });
  });

  it('reports success false when any assertion fails, with a message for each', async () => {
    const { app, stub } = await startAppFixture();
    stub.setBehavior({ text: 'Lyon' });
    const assertions = [{ must_contain: 'Lyon' }, { must_not_contain: 'Lyon' }, { min_length: 10 }, { max_latency_ms: 3_600_000 }];
    const response = await app.inject({ method: 'POST', url: EXECUTE, headers: AUTH, payload: { test_spec: spec({ assertions }) } });
    const { result } = response.json();
    expect(result.success).toBe(false);
    expect(result.assertions.map((a: { passed: boolean }) => a.passed)).toEqual([true, false, false, true]);
    expect(result.assertions[2].message).toBe('the output has 4 characters, under the minimum of 10 characters');
  });

  it('defaults max_tokens and leaves out an absent system prompt', async () => {
    const { app, stub } = await startAppFixture();
    const bare = { name: 'n', model: 'claude-m', inputs: { query: 'q' }, assertions: [{ min_length: 0 }] };
    const response = await app.inject({ method: 'POST', url: EXECUTE, headers: AUTH, payload: { test_spec: bare } });
    expect(response.statusCode).toBe(200);
    expect(stub.requests[0]?.body).toMatchObject({ max_tokens: 1024 });
    expect(stub.requests[0]?.body).not.toHaveProperty('system');
    expect(stub.requests[0]?.body).not.toHaveProperty('temperature');
  });

  it('answers 400 NO_API_KEY saying what to do, without calling anything, when no key is configured', async () => {
    const { app, stub } = await startAppFixture({ anthropicApiKey: undefined });
    const response = await app.inject({ method: 'POST', url: EXECUTE, headers: AUTH, payload: { test_spec: spec() } });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: {
        code: 'NO_API_KEY',
        message: 'No Anthropic API key is configured: add one in Settings, or set ANTHROPIC_API_KEY',
        provider: 'anthropic',
        key_variable: 'ANTHROPIC_API_KEY',
      },
    });
    expect(stub.requests).toHaveLength(0);
  });

  it.each([
    { status: 429, type: 'rate_limit_error', code: 'UPSTREAM_ERROR', expected: 502 },
    { status: 500, type: 'api_error', code: 'UPSTREAM_ERROR', expected: 502 },
    { status: 529, type: 'overloaded_error', code: 'UPSTREAM_ERROR', expected: 502 },
    { status: 401, type: 'authentication_error', code: 'UPSTREAM_ERROR', expected: 502 },
    { status: 400, type: 'invalid_request_error', code: 'UPSTREAM_ERROR', expected: 502 },
    { status: 504, type: 'timeout_error', code: 'UPSTREAM_TIMEOUT', expected: 504 },
  ])('maps an upstream $status to $expected $code with the upstream status and message', async ({ status, type, code, expected }) => {
    const { app, stub } = await startAppFixture();
    stub.setBehavior({ error: { status, message: `upstream says ${status}` } });
    const response = await app.inject({ method: 'POST', url: EXECUTE, headers: AUTH, payload: { test_spec: spec() } });
    expect(response.statusCode).toBe(expected);
    const { error } = response.json();
    expect(error).toMatchObject({ code, upstream_status: status, upstream_type: type });
    expect(error.message).toContain(`upstream says ${status}`);
  });

  it('answers 504 UPSTREAM_TIMEOUT when the model is slower than the timeout', async () => {
    const { app, stub } = await startAppFixture({ modelTimeoutMs: 200 });
    stub.setBehavior({ hang: true });
    const response = await app.inject({ method: 'POST', url: EXECUTE, headers: AUTH, payload: { test_spec: spec() } });
    expect(response.statusCode).toBe(504);
    expect(response.json().error.code).toBe('UPSTREAM_TIMEOUT');
  });

  it('answers 502 UPSTREAM_UNREACHABLE when nothing listens at the base URL', async () => {
    const { app, stub } = await startAppFixture();
    await stub.close();
    const response = await app.inject({ method: 'POST', url: EXECUTE, headers: AUTH, payload: { test_spec: spec() } });
    expect(response.statusCode).toBe(502);
    expect(response.json().error.code).toBe('UPSTREAM_UNREACHABLE');
  });

  it('retries once (the chosen maxRetries) after a retryable upstream error, then succeeds', async () => {
    const { app, stub } = await startAppFixture({ modelMaxRetries: 1 });
    stub.setBehavior((_request, index) =>
      index === 0 ? { error: { status: 529 }, headers: { 'retry-after-ms': '0' } } : { text: 'France, second try' },
    );
    const response = await app.inject({ method: 'POST', url: EXECUTE, headers: AUTH, payload: { test_spec: spec() } });
    expect(response.statusCode).toBe(200);
    expect(response.json().result.output).toBe('France, second try');
    expect(stub.requests).toHaveLength(2);
  });

  it('answers 503 SHUTTING_DOWN when the abort signal cancels an in-flight model call', async () => {
    const shutdown = new AbortController();
    const { app, stub } = await startAppFixture({ abortSignal: shutdown.signal });
    let reached: () => void = () => undefined;
    const upstream = new Promise<void>((resolve) => (reached = resolve));
    stub.setBehavior(() => (reached(), { hang: true }));
    const pending = app.inject({ method: 'POST', url: EXECUTE, headers: AUTH, payload: { test_spec: spec() } });
    await upstream;
    shutdown.abort();
    const response = await pending;
    expect(response.statusCode).toBe(503);
    expect(response.json().error.code).toBe('SHUTTING_DOWN');
  });

  it('records every one of many concurrent runs once, with distinct increasing ids', async () => {
    const { app } = await startAppFixture();
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_unused, index) =>
        app.inject({ method: 'POST', url: EXECUTE, headers: AUTH, payload: { test_spec: spec({ name: `parallel-${index}` }) } }),
      ),
    );
    const ids = responses.map((response) => response.json().result.id as string);
    expect(new Set(ids).size).toBe(20);
    const page = (await app.inject({ method: 'GET', url: '/api/runs?limit=100', headers: AUTH })).json();
    expect(page.runs).toHaveLength(20);
    expect(page.runs.map((run: { id: string }) => run.id)).toEqual([...ids].sort().reverse());
  });

  it('does not record failed model calls in the history', async () => {
    const { app, stub } = await startAppFixture();
    stub.setBehavior({ error: { status: 500 } });
    await app.inject({ method: 'POST', url: EXECUTE, headers: AUTH, payload: { test_spec: spec() } });
    const list = await app.inject({ method: 'GET', url: '/api/runs', headers: AUTH });
    expect(list.json()).toEqual({ runs: [], next_cursor: null });
  });
});
