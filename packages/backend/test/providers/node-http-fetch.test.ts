import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { createNodeHttpFetch, MAX_REDIRECTS } from '../../src/providers/node-http-fetch.js';
import type { FetchFunction } from '../../src/providers/retry-wait.js';

interface Seen {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

const servers: Server[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A real local server: `handle` answers each request once its body is read; `seen` records them. */
async function serve(handle: (request: Seen, response: ServerResponse) => void): Promise<{ url: string; seen: Seen[]; closed: Promise<void>[] }> {
  const seen: Seen[] = [];
  const closed: Promise<void>[] = [];
  const server = createServer((request, response) => {
    closed.push(new Promise((resolve) => response.once('close', () => resolve())));
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const entry = { method: request.method ?? '', url: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString() };
      seen.push(entry);
      handle(entry, response);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, closed };
}

const noFallback: FetchFunction = () => Promise.reject(new Error('the fallback was called'));
const nodeFetch = createNodeHttpFetch(noFallback);

describe('createNodeHttpFetch: what the SDKs send and read', () => {
  it('sends the method, headers and body, and answers status, headers and body as fetch does', async () => {
    const { url, seen } = await serve((_request, response) => {
      response.setHeader('set-cookie', ['a=1', 'b=2']);
      response.writeHead(201, 'Made', { 'content-type': 'application/json', 'request-id': 'req_1' }).end('{"ok":true}');
    });
    const response = await nodeFetch(`${url}/v1/messages?x=1`, { method: 'post', headers: { 'X-Api-Key': 'sk-test', 'content-type': 'application/json' }, body: '{"q":"é"}' });
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/v1/messages?x=1', body: '{"q":"é"}' });
    expect(seen[0]?.headers).toMatchObject({ 'x-api-key': 'sk-test', 'content-type': 'application/json', 'content-length': '10', accept: '*/*', 'accept-encoding': 'gzip, deflate, br' });
    expect(response).toMatchObject({ status: 201, statusText: 'Made', ok: true, url: `${url}/v1/messages?x=1`, redirected: false });
    expect(response.headers.get('request-id')).toBe('req_1');
    expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(await response.json()).toEqual({ ok: true });
  });

  it('takes Headers and byte bodies, and keeps the caller’s accept headers', async () => {
    const { url, seen } = await serve((_request, response) => response.end('done'));
    const headers = new Headers({ accept: 'application/json', 'accept-encoding': 'identity' });
    await (await nodeFetch(`${url}/bytes`, { method: 'PUT', headers, body: new TextEncoder().encode('abc') })).text();
    await (await nodeFetch(`${url}/buffer`, { method: 'PUT', body: new Uint8Array([1, 2, 3, 4]).buffer })).text();
    expect(seen.map((request) => [request.headers.accept, request.headers['accept-encoding'], request.headers['content-length']])).toEqual([
      ['application/json', 'identity', '3'],
      ['*/*', 'gzip, deflate, br', '4'],
    ]);
  });

  it('decodes a gzip body, and gives no body for 204 and HEAD', async () => {
    const { url } = await serve((request, response) => {
      if (request.url === '/gzip') response.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync('{"zipped":1}'));
      else if (request.url === '/empty') response.writeHead(204).end();
      else response.writeHead(200, { 'content-length': '5' }).end(request.method === 'HEAD' ? undefined : 'hello');
    });
    expect(await (await nodeFetch(`${url}/gzip`)).json()).toEqual({ zipped: 1 });
    const empty = await nodeFetch(`${url}/empty`, { method: 'DELETE' });
    expect([empty.status, empty.body]).toEqual([204, null]);
    const head = await nodeFetch(`${url}/head`, { method: 'HEAD' });
    expect([head.status, head.body, head.headers.get('content-length')]).toEqual([200, null, '5']);
  });

  it('answers an error status as a response, not a rejection', async () => {
    const { url } = await serve((_request, response) => response.writeHead(529, { 'retry-after': '2' }).end('{"type":"error"}'));
    const response = await nodeFetch(url, { method: 'POST', body: '{}' });
    expect([response.status, response.ok, response.headers.get('retry-after'), await response.text()]).toEqual([529, false, '2', '{"type":"error"}']);
  });
});

describe('createNodeHttpFetch: redirects', () => {
  it('follows 307 with the body, turns a 303 into a GET without one, and says it was redirected', async () => {
    const { url, seen } = await serve((request, response) => {
      if (request.url === '/start') response.writeHead(307, { location: '/kept' }).end();
      else if (request.url === '/kept') response.writeHead(303, { location: '/final' }).end();
      else response.end(`${request.method} ${request.body || '(none)'}`);
    });
    const response = await nodeFetch(`${url}/start`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":1}' });
    expect(await response.text()).toBe('GET (none)');
    expect(response).toMatchObject({ redirected: true, url: `${url}/final` });
    expect(seen.map((request) => [request.method, request.url, request.body, request.headers['content-type'] ?? null])).toEqual([
      ['POST', '/start', '{"a":1}', 'application/json'],
      ['POST', '/kept', '{"a":1}', 'application/json'],
      ['GET', '/final', '', null],
    ]);
  });

  it('does not send credentials on to another origin', async () => {
    const other = await serve((_request, response) => response.end('elsewhere'));
    const first = await serve((_request, response) => response.writeHead(302, { location: `${other.url}/landing` }).end());
    const response = await nodeFetch(`${first.url}/go`, { headers: { 'x-api-key': 'sk-secret', authorization: 'Bearer sk-secret', 'x-other': 'kept' } });
    expect(await response.text()).toBe('elsewhere');
    expect(first.seen[0]?.headers['x-api-key']).toBe('sk-secret');
    expect(other.seen[0]?.headers).not.toHaveProperty('x-api-key');
    expect(other.seen[0]?.headers).not.toHaveProperty('authorization');
    expect(other.seen[0]?.headers['x-other']).toBe('kept');
  });

  it(`fails after ${MAX_REDIRECTS} redirects, and at once with redirect: 'error'`, async () => {
    const { url, seen } = await serve((request, response) => response.writeHead(302, { location: `/hop${seen.length}` }).end());
    await expect(nodeFetch(`${url}/loop`)).rejects.toMatchObject({ name: 'TypeError', message: 'fetch failed', cause: { message: `more than ${MAX_REDIRECTS} redirects` } });
    expect(seen).toHaveLength(MAX_REDIRECTS + 1);
    await expect(nodeFetch(`${url}/once`, { redirect: 'error' })).rejects.toThrow('fetch failed');
  });
});

describe('createNodeHttpFetch: aborts and failures', () => {
  it('rejects with the signal’s reason when aborted before sending, while waiting, and while reading the body', async () => {
    const { url, closed } = await serve((request, response) => {
      if (request.url === '/body') response.writeHead(200).write('partial');
      // '/wait': never answers.
    });
    const before = new AbortController();
    before.abort();
    await expect(nodeFetch(`${url}/wait`, { signal: before.signal })).rejects.toMatchObject({ name: 'AbortError' });

    const waiting = new AbortController();
    const pending = nodeFetch(`${url}/wait`, { signal: waiting.signal });
    await expect.poll(() => closed.length).toBe(1);
    waiting.abort(new Error('given reason'));
    await expect(pending).rejects.toThrow('given reason');
    await closed[0];

    const reading = new AbortController();
    const partial = nodeFetch(`${url}/body`, { signal: reading.signal });
    await expect.poll(() => closed.length).toBe(2);
    reading.abort();
    await expect(partial).rejects.toMatchObject({ name: 'AbortError' });
    await closed[1];
  });

  it('answers a refused connection and a body cut short as TypeError("fetch failed") with the cause', async () => {
    const { url } = await serve((_request, response) => {
      response.writeHead(200, { 'content-length': '100' }).write('short');
      response.socket?.destroy();
    });
    await expect(nodeFetch(url)).rejects.toMatchObject({ name: 'TypeError', message: 'fetch failed' });
    const refused = await serve(() => undefined);
    const port = new URL(refused.url).port;
    await new Promise((resolve) => servers.pop()?.close(resolve));
    await expect(nodeFetch(`http://127.0.0.1:${port}/`)).rejects.toMatchObject({ message: 'fetch failed', cause: { code: 'ECONNREFUSED' } });
    await expect(nodeFetch('not a url')).rejects.toThrow('Invalid URL');
  });

  it('hands what it does not speak (a Request, a stream or form body, manual redirects) to the fallback', async () => {
    const calls: unknown[] = [];
    const fallback: FetchFunction = async (input) => {
      calls.push(input);
      return new Response('from the fallback');
    };
    const withFallback = createNodeHttpFetch(fallback);
    await withFallback(new Request('http://127.0.0.1:9/request'));
    await withFallback('http://127.0.0.1:9/form', { method: 'POST', body: new FormData() });
    await withFallback('http://127.0.0.1:9/manual', { redirect: 'manual' });
    expect(calls).toHaveLength(3);
  });
});
