import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseJson, requestBodyHash } from './stub-body.js';
import { resolveBehavior, type StubBehavior, type StubBehaviorSource, type StubError, type StubRequest } from './stub-behavior.js';
import { groupCalls, route } from './stub-routing.js';

/** Options of a provider stub. */
export interface StubOptions {
  /** What to answer until `setBehavior` changes it. @default {} (an instant text reply) */
  readonly behavior?: StubBehaviorSource;
  /** Port to listen on; 0 picks a free one. @default 0 */
  readonly port?: number;
  /** Address to listen on. @default '127.0.0.1' */
  readonly host?: string;
  /** The only key accepted: any other gets the provider's 401. @default undefined (any key) */
  readonly apiKey?: string;
  /** The ids `GET /v1/models` lists. @default a few current ids of the provider */
  readonly models?: readonly string[];
}

/** The model calls of one request body: how often it was sent, and how often answered 200. */
export interface StubCallGroup {
  readonly hash: string;
  readonly count: number;
  readonly succeeded: number;
  readonly requests: readonly StubRequest[];
}

/** A running provider stub. */
export interface ProviderStub {
  /** The stub's origin, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  /** What to give the SDK as its base URL (`ANTHROPIC_BASE_URL` / `OPENAI_BASE_URL`). */
  readonly baseUrl: string;
  /** Every request received, oldest first (including ones answered with errors). */
  readonly requests: StubRequest[];
  /** Replaces the behaviour for the following requests. */
  setBehavior(behavior: StubBehaviorSource): void;
  /** The model calls grouped by request body (first seen first): a group with `count > 1` was sent again. */
  callsByRequest(): StubCallGroup[];
  /** Stops listening and cuts every open connection. Idempotent. */
  close(): Promise<void>;
}

/** A provider's API as a stub speaks it: routes, and the JSON of its answers and errors. */
export interface StubProtocol {
  /** The model call, e.g. `/v1/messages`; `GET /v1/models` lists models. */
  readonly modelPath: string;
  /** Appended to the origin to make `baseUrl`, e.g. `/v1` for OpenAI. */
  readonly basePath: string;
  readonly requestIdHeader: string;
  readonly defaultModels: readonly string[];
  errorBody(error: StubError): unknown;
  missingKey(): StubError;
  wrongKey(key: string): StubError;
  notFound(method: string, path: string): StubError;
  invalidJson(): StubError;
  modelAnswer(behavior: StubBehavior, request: StubRequest): unknown;
  modelList(models: readonly string[]): unknown;
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

/**
 * Starts a local HTTP server speaking a provider's API (the shared part of both stubs: bodies,
 * keys, behaviours, delays, hangs, recording and call counting).
 */
export async function startStubServer(protocol: StubProtocol, options: StubOptions = {}): Promise<ProviderStub> {
  let source: StubBehaviorSource = options.behavior ?? {};
  const requests: StubRequest[] = [];
  const server = createServer((incoming: IncomingMessage, response: ServerResponse) => {
    void readBody(incoming).then((text) => {
      const body = parseJson(text);
      const request: { -readonly [K in keyof StubRequest]: StubRequest[K] } = {
        method: incoming.method ?? 'GET',
        path: (incoming.url ?? '/').split('?')[0] ?? '/',
        headers: { ...incoming.headers },
        apiKey: credentialOf(incoming),
        body,
        bodyHash: requestBodyHash(body, text),
        receivedAt: Date.now(),
        status: null,
      };
      const behavior = resolveBehavior(source, request, requests.length);
      requests.push(request);
      if (behavior.hang === true) return;
      const timer = setTimeout(() => {
        if (response.destroyed) return;
        const { status, body: answer } = route(protocol, options, request, behavior);
        request.status = status;
        const headers = { 'content-type': 'application/json', [protocol.requestIdHeader]: `req_stub_${randomBytes(8).toString('hex')}`, ...behavior.headers };
        response.writeHead(status, headers).end(JSON.stringify(answer));
      }, behavior.delayMs ?? 0);
      response.on('close', () => clearTimeout(timer));
    }, () => response.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  const url = `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
  let closing: Promise<void> | undefined;
  return {
    url,
    baseUrl: `${url}${protocol.basePath}`,
    requests,
    setBehavior(behavior) {
      source = behavior;
    },
    callsByRequest: () => groupCalls(requests, protocol.modelPath),
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
