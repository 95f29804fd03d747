import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loopbackAddress } from '../src/browser/address.js';
import { createBrowserApp, MAX_BODY_BYTES } from '../src/browser/app.js';
import { BrowserSessions, LOGIN_LINK_TTL_MS } from '../src/browser/session.js';
import { SESSION_HEADER } from '../src/shared/bridge-protocol.js';
import { idleHost } from './helpers/idle-host.js';

// Browser mode's access rules, through Fastify's inject(): the host is real but its backend is
// never started (these are the HTTP adapter's rules, not the backend's).
const rendererDir = resolve(import.meta.dirname, '..', 'dist', 'renderer');
const address = loopbackAddress(4123);
const HOST = address.authority;
const ORIGIN = address.origin;

let dir: string;
let app: FastifyInstance;
let sessions: BrowserSessions;
let clock = 0;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sentinel-browser-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  clock = 1_000_000;
  sessions = new BrowserSessions({ now: () => clock });
  app = await createBrowserApp({ host: idleHost(dir), rendererDir, sessions, address: () => address });
  return () => app.close();
});

interface SignedIn {
  secret: string;
  /** `name=value`, ready for a Cookie header. */
  cookie: string;
  setCookie: string;
}

async function exchange(token: string, headers: Record<string, string> = { origin: ORIGIN }): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url: '/session', headers: { host: HOST, 'content-type': 'application/json', ...headers }, payload: { token } });
}

async function signIn(): Promise<SignedIn> {
  const reply = await exchange(sessions.issueLoginToken());
  expect(reply.statusCode).toBe(200);
  const setCookie = String(reply.headers['set-cookie']);
  return { secret: reply.json<{ secret: string }>().secret, cookie: setCookie.split(';')[0]!, setCookie };
}

function call(method: string, headers: Record<string, string>, payload: unknown = { args: [] }): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url: `/bridge/${method}`, headers: { host: HOST, 'content-type': 'application/json', ...headers }, payload: payload as string });
}

const codeOf = (reply: LightMyRequestResponse): string => reply.json<{ error: { code: string } }>().error.code;

describe('static renderer', () => {
  it('serves the page to anyone (it holds no data) under a strict CSP, also at /login', async () => {
    for (const url of ['/', '/login']) {
      const page = await app.inject({ url, headers: { host: HOST } });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<title>Sentinel</title>');
      const csp = String(page.headers['content-security-policy']);
      for (const rule of ["default-src 'none'", "script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'", "form-action 'none'"]) expect(csp).toContain(rule);
      expect(page.headers).toMatchObject({ 'x-frame-options': 'DENY', 'x-content-type-options': 'nosniff', 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
    }
    const script = await app.inject({ url: '/app.js', headers: { host: HOST } });
    expect(script.headers['content-type']).toMatch(/javascript/);
  });

  // packages/desktop/package.json is two levels above the renderer folder (dist/renderer).
  it.each(['/../../package.json', '/%2e%2e/%2e%2e/package.json', '/..%2f..%2fpackage.json', '/.%2e/.%2e/package.json', '/nope.html'])('answers %s with a coded 404', async (url) => {
    const reply = await app.inject({ url, headers: { host: HOST } });
    expect(reply.statusCode).toBe(404);
    expect(codeOf(reply)).toBe('DESKTOP_ERR_NOT_FOUND');
    expect(reply.body).not.toContain('@sentinel/desktop');
  });

  it.each(['evil.example:4123', 'localhost:4123', '127.0.0.1:9999', ''])('refuses Host %j with 421 (DNS rebinding)', async (host) => {
    const reply = await app.inject({ url: '/', headers: { host } });
    expect(reply.statusCode).toBe(421);
    expect(codeOf(reply)).toBe('DESKTOP_ERR_MISDIRECTED');
  });
});

describe('signing in with a one-time link', () => {
  it('trades the token once for a page secret and an HttpOnly SameSite=Strict cookie named per port and session', async () => {
    const token = sessions.issueLoginToken();
    const first = await exchange(token);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ secret: expect.stringMatching(/^[\w-]{43}$/) });
    expect(String(first.headers['set-cookie'])).toMatch(/^sentinel-4123-[\w-]{8}=[\w-]{43}; Path=\/; HttpOnly; SameSite=Strict$/);
    const again = await exchange(token);
    expect(again.statusCode).toBe(401);
    expect(codeOf(again)).toBe('DESKTOP_ERR_LOGIN_LINK');
    expect(again.json<{ error: { message: string } }>().error.message).toMatch(/already used, has expired .* within 5 minutes.*Press Enter/);
  });

  it(`an unused link expires after ${LOGIN_LINK_TTL_MS / 60_000} minutes`, async () => {
    const fresh = sessions.issueLoginToken();
    const stale = sessions.issueLoginToken();
    clock += LOGIN_LINK_TTL_MS;
    expect((await exchange(fresh)).statusCode).toBe(200);
    clock += 1;
    expect(codeOf(await exchange(stale))).toBe('DESKTOP_ERR_LOGIN_LINK');
  });

  it('keeps at most 8 unused links: a 9th forgets the oldest', async () => {
    const tokens = Array.from({ length: 9 }, () => sessions.issueLoginToken());
    expect((await exchange(tokens[0]!)).statusCode).toBe(401);
    expect((await exchange(tokens[1]!)).statusCode).toBe(200);
  });

  it.each([
    { name: 'no Origin', headers: {} },
    { name: 'another port', headers: { origin: 'http://127.0.0.1:5555' } },
  ])('refuses the exchange with $name, and the token stays unspent', async ({ headers }) => {
    const token = sessions.issueLoginToken();
    const reply = await exchange(token, headers as Record<string, string>);
    expect(reply.statusCode).toBe(403);
    expect((await exchange(token)).statusCode).toBe(200);
  });

  it('refuses a guessed token and a malformed body with coded errors', async () => {
    expect(codeOf(await exchange('guess'))).toBe('DESKTOP_ERR_LOGIN_LINK');
    const bad = await app.inject({ method: 'POST', url: '/session', headers: { host: HOST, origin: ORIGIN, 'content-type': 'application/json' }, payload: { token: 5 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'DESKTOP_ERR_INVALID_INPUT', details: { field: 'token' } } });
  });
});

describe('bridge calls need the Origin, the page secret and the cookie together', () => {
  it('answers a named function with all three, and never shows the key or token', async () => {
    const { secret, cookie } = await signIn();
    const reply = await call('getSnapshot', { origin: ORIGIN, [SESSION_HEADER]: secret, cookie });
    expect(reply.statusCode).toBe(200);
    expect(reply.json()).toMatchObject({ value: { mode: 'browser', settings: { keys: [{ provider: 'anthropic', configured: false }, { provider: 'openai', configured: false }], storage: 'plaintext-file' } } });
  });

  it.each([
    { name: 'no Origin header at all (curl)', origin: undefined, secret: true, cookie: true, status: 403, code: 'DESKTOP_ERR_FORBIDDEN_ORIGIN' },
    { name: 'a page on another 127.0.0.1 port', origin: 'http://127.0.0.1:5555', secret: true, cookie: true, status: 403, code: 'DESKTOP_ERR_FORBIDDEN_ORIGIN' },
    { name: 'Origin "null"', origin: 'null', secret: true, cookie: true, status: 403, code: 'DESKTOP_ERR_FORBIDDEN_ORIGIN' },
    { name: 'the cookie alone', origin: ORIGIN, secret: false, cookie: true, status: 401, code: 'DESKTOP_ERR_SIGNED_OUT' },
    { name: 'the secret without the cookie', origin: ORIGIN, secret: true, cookie: false, status: 401, code: 'DESKTOP_ERR_SESSION_COOKIE' },
  ])('refuses $name', async ({ origin, secret, cookie, status, code }) => {
    const session = await signIn();
    const headers: Record<string, string> = {};
    if (origin !== undefined) headers.origin = origin;
    if (secret) headers[SESSION_HEADER] = session.secret;
    if (cookie) headers.cookie = session.cookie;
    const reply = await call('getSnapshot', headers);
    expect(reply.statusCode).toBe(status);
    expect(codeOf(reply)).toBe(code);
  });

  it('refuses a cross-site Sec-Fetch-Site even with the right Origin, and a wrong or foreign cookie', async () => {
    const mine = await signIn();
    const other = await signIn();
    const headers = { origin: ORIGIN, [SESSION_HEADER]: mine.secret };
    expect((await call('getSnapshot', { ...headers, cookie: mine.cookie, 'sec-fetch-site': 'same-site' })).statusCode).toBe(403);
    expect(codeOf(await call('getSnapshot', { ...headers, cookie: `${mine.cookie.split('=')[0]}=forged` }))).toBe('DESKTOP_ERR_SESSION_COOKIE');
    // Another session's cookie does not go with this page secret.
    expect(codeOf(await call('getSnapshot', { ...headers, cookie: other.cookie }))).toBe('DESKTOP_ERR_SESSION_COOKIE');
  });

  it('finds its cookie when a page on another port planted one of the same name ahead of it (longer Path)', async () => {
    const { secret, cookie } = await signIn();
    const name = cookie.split('=')[0]!;
    const reply = await call('getSnapshot', { origin: ORIGIN, [SESSION_HEADER]: secret, cookie: `${name}=planted; other=1; ${cookie}` });
    expect(reply.statusCode).toBe(200);
  });

  it('renews a replaced cookie with the page secret alone; the old cookie then stops working', async () => {
    const { secret, cookie } = await signIn();
    const renew = (headers: Record<string, string>) => app.inject({ method: 'POST', url: '/session/renew', headers: { host: HOST, ...headers } });
    expect((await renew({ [SESSION_HEADER]: secret })).statusCode).toBe(403);
    expect(codeOf(await renew({ origin: ORIGIN, cookie }))).toBe('DESKTOP_ERR_SIGNED_OUT');
    const renewed = await renew({ origin: ORIGIN, [SESSION_HEADER]: secret, cookie: `${cookie.split('=')[0]}=overwritten` });
    expect(renewed.statusCode).toBe(200);
    const fresh = String(renewed.headers['set-cookie']).split(';')[0]!;
    expect(fresh.split('=')[0]).toBe(cookie.split('=')[0]);
    expect(fresh).not.toBe(cookie);
    expect((await call('getSnapshot', { origin: ORIGIN, [SESSION_HEADER]: secret, cookie: fresh })).statusCode).toBe(200);
    expect(codeOf(await call('getSnapshot', { origin: ORIGIN, [SESSION_HEADER]: secret, cookie }))).toBe('DESKTOP_ERR_SESSION_COOKIE');
  });

  it('the event stream is guarded the same way', async () => {
    const { secret, cookie } = await signIn();
    const events = (headers: Record<string, string>) => app.inject({ method: 'POST', url: '/bridge/events', headers: { host: HOST, ...headers } });
    expect((await events({ [SESSION_HEADER]: secret, cookie })).statusCode).toBe(403);
    expect((await events({ origin: ORIGIN, cookie })).statusCode).toBe(401);
    expect(codeOf(await events({ origin: ORIGIN, [SESSION_HEADER]: secret }))).toBe('DESKTOP_ERR_SESSION_COOKIE');
    expect((await app.inject({ method: 'GET', url: '/bridge/events', headers: { host: HOST, [SESSION_HEADER]: secret, cookie } })).statusCode).toBe(404);
  });
});

describe('bridge input', () => {
  it.each([
    { name: 'an unknown function', method: 'constructor', headers: {}, payload: { args: [] }, status: 400, code: 'DESKTOP_ERR_UNKNOWN_METHOD' },
    { name: 'a non-JSON body', method: 'getSnapshot', headers: { 'content-type': 'text/plain' }, payload: 'x', status: 415, code: 'DESKTOP_ERR_INVALID_INPUT' },
    { name: 'broken JSON', method: 'getSnapshot', headers: {}, payload: '{', status: 400, code: 'DESKTOP_ERR_INVALID_INPUT' },
    { name: 'a too large body', method: 'execute', headers: {}, payload: `{"args":["${'x'.repeat(MAX_BODY_BYTES)}"]}`, status: 413, code: 'DESKTOP_ERR_INVALID_INPUT' },
    { name: 'no args', method: 'getSnapshot', headers: {}, payload: {}, status: 400, code: 'DESKTOP_ERR_INVALID_INPUT', field: 'args' },
    { name: 'args that are not a list', method: 'getSnapshot', headers: {}, payload: { args: 'x' }, status: 400, code: 'DESKTOP_ERR_INVALID_INPUT', field: 'args' },
    { name: 'a bad spec', method: 'execute', headers: {}, payload: { args: [{ spec: 'not a spec' }] }, status: 400, code: 'DESKTOP_ERR_INVALID_INPUT', field: 'spec' },
  ])('rejects $name with a coded error naming the field', async ({ method, headers, payload, status, code, field }) => {
    const session = await signIn();
    const reply = await call(method, { origin: ORIGIN, [SESSION_HEADER]: session.secret, cookie: session.cookie, ...(headers as Record<string, string>) }, payload);
    expect(reply.statusCode).toBe(status);
    expect(reply.json()).toMatchObject({ error: { code, ...(field ? { details: { field } } : {}) } });
  });
});
