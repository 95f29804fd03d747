import { afterEach, describe, expect, it } from 'vitest';
import { AUTH, TOKEN, closeFixtures, spec, startAppFixture } from './helpers/app-fixture.js';
import { removeTempDirs } from './helpers/temp-dir.js';

afterEach(async () => {
  await closeFixtures();
  await removeTempDirs();
});

describe('GET /health', () => {
  it('answers status, the instance id, the version and uptime, without auth', async () => {
    const { app } = await startAppFixture();
    const response = await app.inject({ method: 'GET', url: '/health' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ status: 'ok', instance: 'instance-test-1', version: '0.1.0' });
    expect(Object.keys(body).sort()).toEqual(['instance', 'status', 'uptimeMs', 'version']);
    expect(body.uptimeMs).toBeGreaterThanOrEqual(0);
  });

  it('answers instance null when no instance id was given', async () => {
    const { app } = await startAppFixture({ instanceId: undefined });
    expect((await app.inject({ method: 'GET', url: '/health' })).json().instance).toBeNull();
  });
});

describe('bearer token on /api', () => {
  it.each([
    { name: 'no Authorization header', headers: {} },
    { name: 'a wrong token', headers: { authorization: 'Bearer wrong-token' } },
    { name: 'the token with another scheme', headers: { authorization: `Basic ${TOKEN}` } },
    { name: 'the token as a prefix', headers: { authorization: `Bearer ${TOKEN.slice(0, -1)}` } },
    { name: 'an empty bearer', headers: { authorization: 'Bearer ' } },
  ])('answers 401 UNAUTHORIZED for $name', async ({ headers }) => {
    const { app, stub } = await startAppFixture();
    for (const request of [
      { method: 'GET' as const, url: '/api/runs' },
      { method: 'GET' as const, url: '/api/runs/0000000000000000aaaaaaaa' },
      { method: 'POST' as const, url: '/api/execution/execute', payload: { test_spec: spec() } },
    ]) {
      const response = await app.inject({ ...request, headers });
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe('UNAUTHORIZED');
    }
    expect(stub.requests).toHaveLength(0);
  });

  it('checks the token on percent-encoded paths that route to /api', async () => {
    const { app } = await startAppFixture();
    const response = await app.inject({ method: 'GET', url: '/%61pi/runs' });
    expect(response.statusCode).toBe(401);
  });

  it('leaves /api open when no token is configured', async () => {
    const { app } = await startAppFixture({ token: undefined });
    expect((await app.inject({ method: 'GET', url: '/api/runs' })).statusCode).toBe(200);
  });
});

describe('Host and Origin checks', () => {
  it.each(['evil.example', 'evil.example:80', '10.0.0.5', '192.168.1.2:3000', '127.0.0.1.evil.example'])(
    'refuses Host %j with 403 FORBIDDEN_HOST (DNS rebinding)',
    async (host) => {
      const { app } = await startAppFixture();
      const response = await app.inject({ method: 'GET', url: '/health', headers: { host } });
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('FORBIDDEN_HOST');
    },
  );

  it.each(['localhost', 'localhost:1234', '127.0.0.1:80', '127.1.2.3', '[::1]:8080', 'app.localhost'])(
    'accepts loopback Host %j',
    async (host) => {
      const { app } = await startAppFixture();
      expect((await app.inject({ method: 'GET', url: '/health', headers: { host } })).statusCode).toBe(200);
    },
  );

  it('accepts an explicitly configured extra host', async () => {
    const { app } = await startAppFixture({ extraHosts: ['192.168.1.2'] });
    const response = await app.inject({ method: 'GET', url: '/health', headers: { host: '192.168.1.2:9000' } });
    expect(response.statusCode).toBe(200);
  });

  it('refuses cross-origin browser requests from unlisted origins, even with the token', async () => {
    const { app } = await startAppFixture({ allowedOrigins: ['http://localhost:5173'] });
    const response = await app.inject({ method: 'GET', url: '/api/runs', headers: { ...AUTH, origin: 'https://evil.example' } });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('FORBIDDEN_ORIGIN');
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('allows a listed origin with CORS headers and answers its preflight', async () => {
    const origin = 'http://localhost:5173';
    const { app } = await startAppFixture({ allowedOrigins: [origin] });
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/api/execution/execute',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(origin);
    expect(preflight.headers['access-control-allow-headers']).toContain('authorization');
    const response = await app.inject({ method: 'GET', url: '/api/runs', headers: { ...AUTH, origin } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['access-control-allow-origin']).toBe(origin);
  });

  it('refuses the preflight of an unlisted origin', async () => {
    const { app } = await startAppFixture();
    const preflight = await app.inject({ method: 'OPTIONS', url: '/api/runs', headers: { origin: 'https://evil.example' } });
    expect(preflight.statusCode).toBe(403);
  });
});
