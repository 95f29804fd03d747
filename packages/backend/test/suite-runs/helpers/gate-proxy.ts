import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An HTTP proxy in front of a provider stub that holds every request while it is shut and
 * forwards them (and all later ones) once opened: the calls "in flight" of a test, answered
 * exactly when the test says.
 */
export interface GateProxy {
  readonly url: string;
  /** Requests received so far (held or forwarded). */
  readonly received: () => number;
  /** Resolves once `count` requests have been received. */
  waitForRequests(count: number): Promise<void>;
  open(): void;
  close(): Promise<void>;
}

export async function startGateProxy(target: string): Promise<GateProxy> {
  let shut = true;
  let received = 0;
  const held: Array<() => void> = [];
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  const forward = (incoming: IncomingMessage, response: ServerResponse) => () => {
    const upstream = request(`${target}${incoming.url ?? '/'}`, { method: incoming.method, headers: incoming.headers }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    upstream.on('error', () => response.destroy());
    response.on('close', () => upstream.destroy());
    incoming.pipe(upstream);
  };
  const server = createServer((incoming, response) => {
    received += 1;
    for (const waiter of waiters.splice(0)) (received >= waiter.count ? waiter.resolve : () => waiters.push(waiter))();
    if (shut) held.push(forward(incoming, response));
    else forward(incoming, response)();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received: () => received,
    waitForRequests: (count) => (received >= count ? Promise.resolve() : new Promise((resolve) => waiters.push({ count, resolve }))),
    open() {
      shut = false;
      for (const release of held.splice(0)) release();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
