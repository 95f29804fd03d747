import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { errorBody, messageBody } from './messages-response.js';
import { resolveBehavior, type StubBehavior, type StubBehaviorSource, type StubRequest } from './stub-behavior.js';

/** Options of {@link startAnthropicStub}. */
export interface AnthropicStubOptions {
  /** What to answer until `setBehavior` changes it. @default {} (an instant text reply) */
  readonly behavior?: StubBehaviorSource;
  /** Port to listen on; 0 picks a free one. @default 0 */
  readonly port?: number;
  /** Address to listen on. @default '127.0.0.1' */
  readonly host?: string;
}

/** A running stub of Anthropic's Messages API. */
export interface AnthropicStub {
  /** Base URL to give the SDK (`ANTHROPIC_BASE_URL`), e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  /** Every request received, oldest first (including ones answered with errors). */
  readonly requests: StubRequest[];
  /** Replaces the behaviour for the following requests. */
  setBehavior(behavior: StubBehaviorSource): void;
  /** Stops listening and cuts every open connection. Idempotent. */
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 10 * 1024 * 1024;

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) request.destroy(new Error('stub: request body too large'));
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function credentialOf(request: IncomingMessage): string | undefined {
  const key = request.headers['x-api-key'];
  if (typeof key === 'string' && key !== '') return key;
  const authorization = request.headers.authorization;
  return authorization?.startsWith('Bearer ') === true ? authorization.slice('Bearer '.length) : undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string>): void {
  if (response.destroyed) return;
  response.writeHead(status, {
    'content-type': 'application/json',
    'request-id': `req_stub_${Date.now().toString(36)}`,
    ...headers,
  });
  response.end(JSON.stringify(body));
}

function answer(response: ServerResponse, behavior: StubBehavior, request: StubRequest): void {
  const headers = { ...behavior.headers };
  if (request.method !== 'POST' || request.path !== '/v1/messages') {
    sendJson(response, 404, errorBody(404, undefined, `Not found: ${request.method} ${request.path}`), headers);
  } else if (request.apiKey === undefined) {
    sendJson(response, 401, errorBody(401, undefined, 'x-api-key header is required'), headers);
  } else if (request.body === undefined) {
    sendJson(response, 400, errorBody(400, undefined, 'Request body is not valid JSON'), headers);
  } else if (behavior.error !== undefined) {
    const { status, type, message } = behavior.error;
    sendJson(response, status, errorBody(status, type, message), headers);
  } else {
    sendJson(response, 200, messageBody(behavior, request), headers);
  }
}

/**
 * Starts a local HTTP server speaking Anthropic's `POST /v1/messages` (message and error JSON shapes,
 * usage, configurable delay and error statuses), for tests that call the real `@anthropic-ai/sdk`
 * through `ANTHROPIC_BASE_URL`. Never use the real API in tests.
 */
export async function startAnthropicStub(options: AnthropicStubOptions = {}): Promise<AnthropicStub> {
  let source: StubBehaviorSource = options.behavior ?? {};
  const requests: StubRequest[] = [];
  const server = createServer((incoming, response) => {
    void readBody(incoming).then((text) => {
      const request: StubRequest = {
        method: incoming.method ?? 'GET',
        path: (incoming.url ?? '/').split('?')[0] ?? '/',
        headers: { ...incoming.headers },
        apiKey: credentialOf(incoming),
        body: parseJson(text),
        receivedAt: Date.now(),
      };
      const behavior = resolveBehavior(source, request, requests.length);
      requests.push(request);
      if (behavior.hang === true) return;
      const timer = setTimeout(() => answer(response, behavior, request), behavior.delayMs ?? 0);
      response.on('close', () => clearTimeout(timer));
    }, () => response.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  const hostForUrl = address.includes(':') ? `[${address}]` : address;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${hostForUrl}:${port}`,
    requests,
    setBehavior(behavior) {
      source = behavior;
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
