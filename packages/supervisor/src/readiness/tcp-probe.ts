import { connect } from 'node:net';

/** One TCP connect. Resolves undefined when it connects within timeoutMs, else the error. */
export function probeTcp(host: string, port: number, timeoutMs: number): Promise<Error | undefined> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const timer = setTimeout(() => finish(new Error(`TCP connect to ${host}:${port} took longer than ${timeoutMs} ms`)), timeoutMs);
    function finish(result: Error | undefined): void {
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    }
    socket.once('connect', () => finish(undefined));
    socket.once('error', (error) => finish(error));
  });
}
