import { createServer } from 'node:net';

/** The address to bind when checking ports for a configured host ('localhost' means IPv4 loopback). */
function bindAddress(host: string): string {
  return host === 'localhost' ? '127.0.0.1' : host;
}

/** Asks the OS for a free loopback port (bind port 0, read it, release it). */
export function findFreePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ port: 0, host: bindAddress(host), exclusive: true }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('The OS returned no port'))));
    });
  });
}

/** True when `port` can be bound on `host` now; false on EADDRINUSE/EACCES. Other errors reject. */
export function isPortFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES') resolve(false);
      else reject(error);
    });
    server.listen({ port, host: bindAddress(host), exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** True when a line of output says the listen address was taken (Node, Python, Go, Rust, Java...). */
export function mentionsAddressInUse(lines: readonly string[]): boolean {
  return lines.some((line) => /EADDRINUSE|address already in use|only one usage of each socket address/i.test(line));
}
