import { afterEach, describe, expect, it } from 'vitest';
import { API_KEY, AUTH, TOKEN, closeFixtures, spec, startAppFixture } from './helpers/app-fixture.js';
import { removeTempDirs } from './helpers/temp-dir.js';

afterEach(async () => {
  await closeFixtures();
  await removeTempDirs();
});

describe('secrets never reach a log line or an error body', () => {
  it('scrubs the key and token from upstream error messages, responses and logs', async () => {
    const { app, stub, logs } = await startAppFixture();
    stub.setBehavior({ error: { status: 401, message: `invalid x-api-key: ${API_KEY} (token ${TOKEN})` } });
    const response = await app.inject({ method: 'POST', url: '/api/execution/execute', headers: AUTH, payload: { test_spec: spec() } });
    expect(response.statusCode).toBe(502);
    expect(response.body).not.toContain(API_KEY);
    expect(response.body).not.toContain(TOKEN);
    expect(response.json().error.message).toContain('[REDACTED]');
    const logged = logs.raw.join('\n');
    expect(logged).toContain('UPSTREAM_ERROR');
    expect(logged).not.toContain(API_KEY);
    expect(logged).not.toContain(TOKEN);
  });

  it('logs one JSON line per request without the Authorization header value', async () => {
    const { app, logs } = await startAppFixture();
    await app.inject({ method: 'GET', url: '/api/runs', headers: AUTH });
    await app.inject({ method: 'GET', url: '/api/runs', headers: { authorization: `Bearer ${TOKEN}x` } });
    await app.inject({ method: 'POST', url: '/api/execution/execute', headers: AUTH, payload: { test_spec: spec() } });
    const done = logs.lines.filter((line) => line.msg === 'request done');
    expect(done.map((line) => line.statusCode)).toEqual([200, 401, 200]);
    const logged = logs.raw.join('\n');
    expect(logged).not.toContain(TOKEN);
    expect(logged).not.toContain(API_KEY);
  });

  it('redacts key-like fields wherever a child logger logs them', async () => {
    const { app, logs } = await startAppFixture();
    app.log.info({ apiKey: API_KEY, config: { token: TOKEN, anthropicApiKey: API_KEY }, headers: { authorization: `Bearer ${TOKEN}` } }, 'probe');
    const probe = logs.lines.find((line) => line.msg === 'probe');
    expect(probe).toBeDefined();
    expect(JSON.stringify(probe)).not.toContain(API_KEY);
    expect(JSON.stringify(probe)).not.toContain(TOKEN);
  });
});
