import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startBrowserServer, type BrowserServer } from '../src/browser/server.js';
import { SESSION_HEADER } from '../src/shared/bridge-protocol.js';
import type { HostEvent } from '../src/shared/types.js';
import { idleHost } from './helpers/idle-host.js';

// Browser mode on a real socket: what inject() cannot send (malformed request targets) and the
// event stream, which is a long-lived answer.
const rendererDir = resolve(import.meta.dirname, '..', 'dist', 'renderer');
let dir: string;
let server: BrowserServer;
let host: ReturnType<typeof idleHost>;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sentinel-browser-net-'));
  host = idleHost(dir);
  server = await startBrowserServer({ host, rendererDir });
});
afterEach(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

/** One raw HTTP/1.1 request line, as a misbehaving client would send it. */
function rawRequest(requestLine: string): Promise<{ status: number; head: string; body: string }> {
  const { port } = new URL(server.origin);
  return new Promise((resolvePromise, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(`${requestLine}\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`));
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString('utf8')));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head = '', body = ''] = text.split('\r\n\r\n');
      resolvePromise({ status: Number(head.split(' ')[1]), head: head.toLowerCase(), body });
    });
  });
}

async function signIn(): Promise<{ secret: string; cookie: string }> {
  const token = new URL(server.loginUrl()).hash.slice(1);
  const reply = await fetch(`${server.origin}/session`, { method: 'POST', headers: { origin: server.origin, 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
  expect(reply.status).toBe(200);
  return { secret: ((await reply.json()) as { secret: string }).secret, cookie: reply.headers.getSetCookie()[0]!.split(';')[0]! };
}

it('listens on 127.0.0.1 only and prints links of the form <origin>/login#<token>', () => {
  expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect(server.loginUrl()).toMatch(new RegExp(`^${server.origin}/login#[\\w-]{32}$`));
});

it.each(['GET //%% HTTP/1.1', 'GET /%E0%A4%A HTTP/1.1', 'GET http://127.0.0.1/index.html HTTP/1.1', 'GET //evil.example/ HTTP/1.1', 'GET * HTTP/1.1', 'OPTIONS * HTTP/1.1'])(
  'answers the malformed target in %j with a coded 400, not a 500',
  async (line) => {
    const reply = await rawRequest(line);
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body)).toMatchObject({ error: { code: 'DESKTOP_ERR_BAD_REQUEST' } });
    expect(reply.head).toContain("content-security-policy: default-src 'none'");
  },
);

it('streams host events (current status first) to a signed-in page, and close() ends the stream', async () => {
  const { secret, cookie } = await signIn();
  const response = await fetch(`${server.origin}/bridge/events`, { method: 'POST', headers: { origin: server.origin, [SESSION_HEADER]: secret, cookie } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
  expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
  const reader = response.body!.getReader();
  let text = '';
  const nextEvent = async (): Promise<HostEvent> => {
    while (!text.includes('\n\n')) {
      const { value, done } = await reader.read();
      if (done) throw new Error(`stream ended after ${JSON.stringify(text)}`);
      text += Buffer.from(value).toString('utf8');
    }
    const [frame = ''] = text.split('\n\n', 1);
    text = text.slice(frame.length + 2);
    return JSON.parse(frame.replace(/^data: /, '')) as HostEvent;
  };
  expect(await nextEvent()).toEqual({ type: 'connection', status: { phase: 'stopped' } });
  // Removing a key announces the new settings at once (there is no backend to restart here).
  await host.handlers.removeProviderKey('anthropic');
  expect(await nextEvent()).toMatchObject({ type: 'settings', settings: { keys: [{ provider: 'anthropic', configured: false }, { provider: 'openai', configured: false }] } });

  await server.close();
  for (;;) if ((await reader.read()).done) break;
});
