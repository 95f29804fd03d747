import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackendApp, type BackendAppOptions } from '../../src/app/create-app.js';
import { startAnthropicStub, startOpenAIStub, type ProviderStub } from '../../src/testing/index.js';
import { AUTH, LogCapture, TOKEN } from '../helpers/app-fixture.js';
import { makeTempDir, removeTempDirs } from '../helpers/temp-dir.js';
import { ANTHROPIC_KEY, OPENAI_KEY } from './helpers/provider-fixture.js';

interface Fixture {
  readonly app: FastifyInstance;
  readonly anthropic: ProviderStub;
  readonly openai: ProviderStub;
  readonly logs: LogCapture;
}

const open: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const close of open.splice(0).reverse()) await close();
  await removeTempDirs();
});

/** An app over both stubs; `checkKeys`: the stubs refuse any key but the configured one. */
async function start(overrides: Partial<BackendAppOptions> = {}, checkKeys = true): Promise<Fixture> {
  const anthropic = await startAnthropicStub(checkKeys ? { apiKey: ANTHROPIC_KEY } : {});
  const openai = await startOpenAIStub(checkKeys ? { apiKey: OPENAI_KEY } : {});
  open.push(() => anthropic.close(), () => openai.close());
  const logs = new LogCapture();
  const app = await createBackendApp({
    dataDir: await makeTempDir(),
    token: TOKEN,
    anthropicApiKey: ANTHROPIC_KEY,
    anthropicBaseUrl: anthropic.baseUrl,
    openaiApiKey: OPENAI_KEY,
    openaiBaseUrl: openai.baseUrl,
    logger: { level: 'debug', stream: logs },
    ...overrides,
  });
  open.push(() => app.close());
  return { app, anthropic, openai, logs };
}

const verify = (app: FastifyInstance, name: string, payload?: unknown) =>
  app.inject({ method: 'POST', url: `/api/providers/${name}/verify`, headers: AUTH, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });

describe('GET /api/providers', () => {
  it('lists both providers with whether each has a key and its priced models', async () => {
    const { app } = await start({ openaiApiKey: undefined });
    const response = await app.inject({ method: 'GET', url: '/api/providers', headers: AUTH });
    expect(response.statusCode).toBe(200);
    const { providers } = response.json() as { providers: Array<{ name: string; configured: boolean; key_variable: string; models: Array<{ id: string }> }> };
    expect(providers.map(({ name, configured, key_variable }) => ({ name, configured, key_variable }))).toEqual([
      { name: 'anthropic', configured: true, key_variable: 'ANTHROPIC_API_KEY' },
      { name: 'openai', configured: false, key_variable: 'OPENAI_API_KEY' },
    ]);
    expect(providers[1]?.models.map((model) => model.id)).toContain('o4-mini');
    expect(response.body).not.toContain(ANTHROPIC_KEY);
  });

  it('needs the bearer token like every /api route', async () => {
    const { app } = await start();
    expect((await app.inject({ method: 'GET', url: '/api/providers' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: '/api/providers/openai/verify' })).statusCode).toBe(401);
  });
});

describe('POST /api/providers/:name/verify', () => {
  it.each(['anthropic', 'openai'])('%s: checks the configured key (no body, or an empty object)', async (name) => {
    const fixture = await start();
    const stub = name === 'anthropic' ? fixture.anthropic : fixture.openai;
    for (const payload of [undefined, {}]) {
      const response = await verify(fixture.app, name, payload);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ verification: { provider: name, ok: true, message: `The ${name === 'anthropic' ? 'Anthropic' : 'OpenAI'} key works`, upstream_status: 200 } });
    }
    expect(stub.requests.map((request) => request.path)).toEqual(['/v1/models', '/v1/models']);
  });

  it('checks a given api_key and never logs or returns it, whether it works or not', async () => {
    const given = 'sk-given-by-the-user-5a7c9e1b3d';
    const refusing = await start({ openaiApiKey: undefined });
    const refused = await verify(refusing.app, 'openai', { api_key: given });
    expect(refused.statusCode).toBe(200);
    expect(refused.json()).toMatchObject({ verification: { provider: 'openai', ok: false, upstream_status: 401 } });

    const echoing = await start({ openaiApiKey: undefined }, false);
    echoing.openai.setBehavior({ error: { status: 500, message: `internal error for key ${given}` } });
    const failed = await verify(echoing.app, 'openai', { api_key: given });
    expect(failed.json().verification.message).toContain('internal error for key [REDACTED]');
    echoing.app.log.info({ body: { api_key: given }, api_key: given }, 'probe');

    expect([...refusing.openai.requests, ...echoing.openai.requests].map((request) => request.apiKey)).toEqual([given, given]);
    for (const response of [refused, failed]) expect(response.body).not.toContain(given);
    expect(echoing.logs.raw.some((line) => line.includes('"probe"'))).toBe(true);
    expect([...refusing.logs.raw, ...echoing.logs.raw].join('\n')).not.toContain(given);
  });

  it('a provider without a key: ok false, saying where to add one', async () => {
    const { app } = await start({ openaiApiKey: undefined });
    const response = await verify(app, 'openai');
    expect(response.json()).toEqual({
      verification: { provider: 'openai', ok: false, message: 'No OpenAI API key is configured: add one in Settings, or set OPENAI_API_KEY', upstream_status: null },
    });
  });

  it.each([
    { name: 'mistral', payload: undefined, field: 'params.name', message: 'params.name must be one of anthropic, openai; received "mistral"' },
    { name: 'openai', payload: { key: 'sk-x' }, field: 'key', message: 'key is not allowed' },
    { name: 'openai', payload: { api_key: 'sk with spaces' }, field: 'api_key', message: 'api_key must match the pattern ^[\\x21-\\x7e]+$' },
    { name: 'openai', payload: { api_key: '' }, field: 'api_key', message: 'api_key must not be empty' },
    { name: 'openai', payload: { api_key: 42 }, field: 'api_key', message: 'api_key must be a string' },
  ])('refuses $name with $payload: 400 naming $field', async ({ name, payload, field, message }) => {
    const { app, openai } = await start();
    const response = await verify(app, name, payload);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ error: { code: 'VALIDATION_ERROR', field, message } });
    expect(openai.requests).toHaveLength(0);
  });
});
