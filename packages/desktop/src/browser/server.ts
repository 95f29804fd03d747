import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CONTENT_SECURITY_POLICY } from '../shared/csp.js';
import { dispatchBridgeCall } from '../host/dispatch.js';
import { toBridgeError } from '../host/errors.js';
import type { SentinelHost } from '../host/host.js';
import { BrowserSessions, readCookie } from './session.js';
import { readRendererFile } from './static-files.js';
import { readJsonBody, isLoopbackHost, sendJson, sendText, BodyError } from './http-utils.js';
import { openEventStream } from './event-stream.js';

export interface BrowserServerOptions {
  readonly host: SentinelHost;
  /** Directory holding the built renderer (index.html, app.js, styles.css). */
  readonly rendererDir: string;
  /** Port on 127.0.0.1; 0 picks a free one. @default 0 */
  readonly port?: number;
}

export interface BrowserServer {
  /** e.g. `http://127.0.0.1:43127` */
  readonly origin: string;
  /** A URL with a fresh one-time login token; opening it starts a session. */
  loginUrl(): string;
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

/** Serve the renderer on 127.0.0.1 and bridge its named functions and events over HTTP + SSE. */
export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new TypeError(`port must be an integer from 0 to 65535, received ${String(port)}`);
  const sessions = new BrowserSessions();
  const closers = new Set<() => void>();
  let origin = '';
  let cookieName = '';

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
    if (!isLoopbackHost(request.headers.host)) return sendText(response, 421, 'Misdirected request');
    const url = new URL(request.url ?? '/', origin);
    if (request.method === 'GET' && url.pathname === '/auth') {
      const session = sessions.redeem(url.searchParams.get('token'));
      if (!session) return sendText(response, 403, 'This link was already used or is not valid. Restart Sentinel (npm start) for a new one.');
      response.setHeader('Set-Cookie', `${cookieName}=${session}; HttpOnly; SameSite=Strict; Path=/`);
      response.writeHead(303, { Location: '/' }).end();
      return;
    }
    if (!sessions.isValid(readCookie(request.headers.cookie, cookieName))) {
      return sendText(response, 401, 'Open Sentinel with the link printed by npm start.');
    }
    if (request.method === 'GET' && url.pathname === '/bridge/events') {
      closers.add(openEventStream(request, response, options.host, closers));
      return;
    }
    if (request.method === 'POST' && url.pathname.startsWith('/bridge/')) {
      if (request.headers.origin !== undefined && request.headers.origin !== origin) return sendText(response, 403, 'Cross-origin request refused');
      try {
        const body = (await readJsonBody(request)) as { args?: unknown } | undefined;
        const args = Array.isArray(body?.args) ? body.args : [];
        const value = await dispatchBridgeCall(options.host, url.pathname.slice('/bridge/'.length), args);
        return sendJson(response, 200, { value: value ?? null });
      } catch (error) {
        const status = error instanceof BodyError ? error.status : statusFor(toBridgeError(error).code);
        return sendJson(response, status, { error: toBridgeError(error) });
      }
    }
    if (request.method === 'GET') {
      const file = await readRendererFile(options.rendererDir, url.pathname);
      if (file) {
        response.writeHead(200, { 'Content-Type': file.type }).end(file.body);
        return;
      }
    }
    sendText(response, 404, 'Not found');
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, 500, { error: toBridgeError(error) });
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actualPort = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${actualPort}`;
  cookieName = `sentinel_session_${actualPort}`;

  return {
    origin,
    loginUrl: () => `${origin}/auth?token=${sessions.issueLoginToken()}`,
    close: async () => {
      for (const close of closers) close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function statusFor(code: string): number {
  if (code === 'DESKTOP_ERR_INVALID_INPUT' || code === 'DESKTOP_ERR_UNKNOWN_METHOD') return 400;
  if (code === 'DESKTOP_ERR_BACKEND_UNAVAILABLE' || code === 'DESKTOP_ERR_RUN_INTERRUPTED') return 503;
  return 502;
}
