import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBrowserServer, type BrowserServer } from '../src/browser/server.js';
import { SentinelHost } from '../src/host/host.js';
import { FileSecretStore, PLAINTEXT_CODEC } from '../src/host/secret-store.js';

// These tests cover the HTTP bridge's access rules; the backend is not started (the host is idle).
const rendererDir = resolve(import.meta.dirname, '..', 'dist', 'renderer');

let dir: string;
let server: BrowserServer;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sentinel-browser-'));
  const host = new SentinelHost({
    mode: 'browser',
    sidecarPath: '/nonexistent',
    dataDir: dir,
    secretStore: new FileSecretStore(join(dir, 'key'), PLAINTEXT_CODEC),
    createSupervisor: () => {
      throw new Error('not started in these tests');
    },
    createClient: () => {
      throw new Error('not started in these tests');
    },
  });
  server = await startBrowserServer({ host, rendererDir });
});

afterEach(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Raw HTTP (not fetch) so the test controls Host and Origin headers. */
function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  const url = new URL(path, server.origin);
  return new Promise((resolvePromise, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolvePromise({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

async function login(): Promise<string> {
  const reply = await send(new URL(server.loginUrl()).pathname + new URL(server.loginUrl()).search);
  expect(reply.status).toBe(303);
  const cookie = String(reply.headers['set-cookie']).split(';')[0]!;
  return cookie;
}

describe('browser-mode server', () => {
  it('binds to 127.0.0.1 only', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('exchanges a one-time token for an HttpOnly SameSite=Strict session cookie, once', async () => {
    const link = new URL(server.loginUrl());
    const first = await send(link.pathname + link.search);
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/');
    expect(String(first.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);
    const second = await send(link.pathname + link.search);
    expect(second.status).toBe(403);
  });

  it('refuses the UI and the bridge without a session', async () => {
    expect((await send('/')).status).toBe(401);
    expect((await send('/bridge/getSnapshot', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(401);
    expect((await send('/auth?token=guess')).status).toBe(403);
  });

  it('serves the renderer with a strict Content-Security-Policy', async () => {
    const cookie = await login();
    const page = await send('/', { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Sentinel</title>');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect((await send('/../package.json', { headers: { cookie } })).status).toBe(404);
  });

  it('answers a named bridge function and never exposes the key or token', async () => {
    const cookie = await login();
    const reply = await send('/bridge/getSnapshot', { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{"args":[]}' });
    expect(reply.status).toBe(200);
    const body = JSON.parse(reply.body) as { value: { settings: { hasApiKey: boolean; storage: string }; mode: string } };
    expect(body.value.mode).toBe('browser');
    expect(body.value.settings).toMatchObject({ hasApiKey: false, storage: 'plaintext-file' });
  });

  it.each([
    { name: 'an unknown function', path: '/bridge/constructor', headers: {}, body: '{}', status: 400, code: 'DESKTOP_ERR_UNKNOWN_METHOD' },
    { name: 'a non-JSON body', path: '/bridge/getSnapshot', headers: { 'content-type': 'text/plain' }, body: 'x', status: 415, code: 'DESKTOP_ERR_INVALID_INPUT' },
    { name: 'broken JSON', path: '/bridge/getSnapshot', headers: {}, body: '{', status: 400, code: 'DESKTOP_ERR_INVALID_INPUT' },
    { name: 'a too large body', path: '/bridge/execute', headers: {}, body: 'x'.repeat(1024 * 1024 + 1), status: 413, code: 'DESKTOP_ERR_INVALID_INPUT' },
    { name: 'a bad spec', path: '/bridge/execute', headers: {}, body: '{"args":[{"name":""}]}', status: 400, code: 'DESKTOP_ERR_INVALID_INPUT' },
  ])('rejects $name with a coded error', async ({ path, headers, body, status, code }) => {
    const cookie = await login();
    const reply = await send(path, { method: 'POST', headers: { cookie, 'content-type': 'application/json', ...headers }, body });
    expect(reply.status).toBe(status);
    expect(JSON.parse(reply.body)).toMatchObject({ error: { code } });
  });

  it('refuses a foreign Host header (DNS rebinding) and a cross-origin POST', async () => {
    const cookie = await login();
    expect((await send('/', { headers: { cookie, host: 'evil.example:80' } })).status).toBe(421);
    const cross = await send('/bridge/getSnapshot', { method: 'POST', headers: { cookie, origin: 'http://evil.example', 'content-type': 'application/json' }, body: '{}' });
    expect(cross.status).toBe(403);
  });
});
