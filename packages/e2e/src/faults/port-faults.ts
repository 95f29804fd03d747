import { createServer as createHttpServer } from 'node:http';
import { createServer as createTcpServer, type Server } from 'node:net';
import type { FaultContext } from './fault-context.js';
import { atBackoff } from './moments.js';

/** The instance id a stale server from an "earlier run" answers with. */
export const STALE_INSTANCE_ID = 'stale-instance-from-an-earlier-run';

/** Tries to bind for this long while the killed backend's last process finishes dying. */
const TAKE_PORT_RETRY_MS = 300;

function listenOnce(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** Binds a fresh server on `port`, retrying on EADDRINUSE for a short while (a SIGKILLed grandchild may still hold it). */
async function listen(makeServer: () => Server, port: number): Promise<Server> {
  const until = Date.now() + TAKE_PORT_RETRY_MS;
  for (;;) {
    const server = makeServer();
    try {
      await listenOnce(server, port);
      return server;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || Date.now() > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
}

function staleServer(): Server {
  return createHttpServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ status: 'ok', instance: STALE_INSTANCE_ID, version: '0.0.0-stale', uptimeMs: 1 }));
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    (server as Server & { closeAllConnections?: () => void }).closeAllConnections?.();
    server.close(() => resolve());
  });
}

/**
 * While the supervisor is in backoff, a foreign process takes the port the backend had: a bare TCP
 * listener ('port-taken') or an HTTP server answering /health 200 for another instance ('stale-server').
 */
export async function portFault(ctx: FaultContext): Promise<void> {
  const { fault } = ctx;
  const port = ctx.view.lastPort;
  await atBackoff(ctx);
  if (port === undefined) {
    ctx.skip('the backend has no known port');
    return;
  }
  const what = fault.kind === 'stale-server' ? 'stale HTTP server' : 'foreign TCP listener';
  const makeServer = fault.kind === 'stale-server' ? staleServer : () => createTcpServer((socket) => socket.destroy());
  let server: Server;
  ctx.recordAction('listen', port, `strike: a ${what} binds the port the backend had`);
  try {
    server = await listen(makeServer, port);
  } catch (error) {
    ctx.skip(`could not take port ${port}: ${(error as Error).message}`);
    return;
  }
  ctx.afterRecovery(() => {
    ctx.recordAction('close-listener', port, `the ${what} leaves: the fault is over`);
    return close(server);
  });
  ctx.inject({ port, detail: `${what} on ${port}` });
}
