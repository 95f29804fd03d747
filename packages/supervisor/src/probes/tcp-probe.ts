import { connect } from 'node:net';
import { withDeadline, type ProbeResult } from './deadline.js';

/** One TCP connect. Resolves undefined when it connects within timeoutMs, else the error. */
export function probeTcp(host: string, port: number, timeoutMs: number, parent?: AbortSignal): Promise<ProbeResult> {
  const timeout = (): Error => new Error(`TCP connect to ${host}:${port} took longer than ${timeoutMs} ms`);
  return withDeadline(timeoutMs, parent, timeout, (signal, finish) => {
    const socket = connect({ host, port });
    signal.addEventListener('abort', () => socket.destroy(), { once: true });
    socket.once('connect', () => finish(undefined));
    socket.once('error', (error) => finish(error));
  });
}
