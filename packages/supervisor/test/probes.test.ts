import { createServer, type Server } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { probeHttp } from '../src/probes/http-probe.js';
import { probeTcp } from '../src/probes/tcp-probe.js';
import { runProbe } from '../src/probes/run-probe.js';
import type { ProbeContext } from '../src/index.js';

const servers: Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    s.close();
  }
});

async function serve(handler: Parameters<typeof createServer>[1]): Promise<number> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}

const probe = (port: number, instanceId?: string) => probeHttp({ host: '127.0.0.1', port, path: '/health', instanceId, timeoutMs: 300 });

describe('probeHttp', () => {
  it.each([
    { label: '200 without instance check', body: 'not json', status: 200, instance: undefined, error: undefined },
    { label: 'matching instance', body: '{"instance":"abc"}', status: 200, instance: 'abc', error: undefined },
    { label: 'another instance (a stale server)', body: '{"instance":"old"}', status: 200, instance: 'abc', error: /"old".*stranger/ },
    { label: 'no JSON when an instance is required', body: 'hello', status: 200, instance: 'abc', error: /did not answer JSON/ },
    { label: 'a 503', body: '{"instance":"abc"}', status: 503, instance: 'abc', error: /answered 503, expected 2xx/ },
    { label: 'a body over 64 KiB', body: `{"instance":"abc","pad":"${'x'.repeat(70_000)}"}`, status: 200, instance: 'abc', error: /over 65536 bytes/ },
  ])('$label', async ({ body, status, instance, error }) => {
    const port = await serve((_req, res) => res.writeHead(status).end(body));
    const result = await probe(port, instance);
    if (error === undefined) expect(result).toBeUndefined();
    else expect(result?.message).toMatch(error);
  });

  it('a body that never ends fails at timeoutMs (the probe always settles)', async () => {
    const port = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"instance":');
    });
    expect((await probe(port, 'abc'))?.message).toMatch(/longer than 300 ms/);
  });

  it('a refused connection fails at once', async () => {
    const port = await serve(() => {});
    servers.pop()?.close();
    await new Promise((resolve) => setImmediate(resolve));
    expect((await probe(port))?.message).toMatch(/ECONNREFUSED/);
  });
});

describe('probeHttp options', () => {
  it('sends the configured headers', async () => {
    const port = await serve((req, res) => res.writeHead(req.headers['authorization'] === 'Bearer t' ? 200 : 401).end());
    expect(await probeHttp({ host: '127.0.0.1', port, path: '/', instanceId: undefined, headers: { authorization: 'Bearer t' }, timeoutMs: 300 })).toBeUndefined();
    expect((await probeHttp({ host: '127.0.0.1', port, path: '/', instanceId: undefined, timeoutMs: 300 }))?.message).toMatch(/answered 401/);
  });

  it.each([
    { status: 204, expected: [204], passes: true },
    { status: 200, expected: [204], passes: false },
    { status: 401, expected: [200, 401], passes: true },
    { status: 302, expected: undefined, passes: false },
  ])('status $status against $expected: passes $passes', async ({ status, expected, passes }) => {
    const port = await serve((_req, res) => res.writeHead(status).end());
    const result = await probeHttp({ host: '127.0.0.1', port, path: '/', instanceId: undefined, expectedStatus: expected, timeoutMs: 300 });
    expect(result === undefined).toBe(passes);
  });

  it('an AbortSignal cancels a probe in flight at once', async () => {
    const port = await serve(() => {}); // never answers
    const controller = new AbortController();
    const probing = probeHttp({ host: '127.0.0.1', port, path: '/', instanceId: undefined, timeoutMs: 60_000 }, controller.signal);
    controller.abort();
    expect((await probing)?.message).toBe('probe cancelled');
  });
});

describe('runProbe with a function', () => {
  const target = { host: '127.0.0.1', port: 1, instanceId: 'i-1', pid: 42 };
  it.each([
    { label: 'resolves', probe: async () => 'anything', error: undefined },
    { label: 'returns false', probe: () => false, error: /returned false/ },
    { label: 'throws', probe: () => { throw new Error('db down'); }, error: /db down/ },
    { label: 'never settles', probe: () => new Promise(() => {}), error: /longer than 50 ms/ },
  ])('a probe that $label', async ({ probe, error }) => {
    const result = await runProbe({ kind: 'custom', probe }, target, 50);
    if (error === undefined) expect(result).toBeUndefined();
    else expect(result?.message).toMatch(error);
  });

  it('is given the target, the url and a signal that aborts at the timeout', async () => {
    let seen: ProbeContext | undefined;
    await runProbe({ kind: 'custom', probe: (context) => { seen = context; return new Promise((resolve) => context.signal.addEventListener('abort', resolve)); } }, target, 20);
    expect(seen).toMatchObject({ ...target, url: 'http://127.0.0.1:1' });
    expect(seen?.signal.aborted).toBe(true);
  });
});

describe('probeTcp', () => {
  it('connects to a listening port and fails on a closed one', async () => {
    const server = createTcpServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    expect(await probeTcp('127.0.0.1', port, 300)).toBeUndefined();
    await new Promise((resolve) => server.close(resolve));
    expect((await probeTcp('127.0.0.1', port, 300))?.message).toMatch(/ECONNREFUSED/);
  });
});
