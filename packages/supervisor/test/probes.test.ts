import { createServer, type Server } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { probeHttp } from '../src/probes/http-probe.js';
import { probeTcp } from '../src/probes/tcp-probe.js';

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
    { label: 'a 503', body: '{"instance":"abc"}', status: 503, instance: 'abc', error: /answered 503/ },
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
