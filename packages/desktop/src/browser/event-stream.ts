import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SentinelHost } from '../host/host.js';

/** A comment line every 15 s keeps proxies and idle timers from closing the stream. */
const KEEPALIVE_MS = 15_000;

/**
 * Push every host event to the browser as Server-Sent Events, the moment it happens.
 * Returns a closer; also removes itself from `closers` when the browser disconnects.
 */
export function openEventStream(request: IncomingMessage, response: ServerResponse, host: SentinelHost, closers: Set<() => void>): () => void {
  response.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
  response.flushHeaders();
  const unsubscribe = host.onEvent((event) => {
    response.write(`data: ${JSON.stringify(event)}\n\n`);
  });
  const keepalive = setInterval(() => response.write(': keepalive\n\n'), KEEPALIVE_MS);
  keepalive.unref();
  const close = (): void => {
    unsubscribe();
    clearInterval(keepalive);
    closers.delete(close);
    response.end();
  };
  request.on('close', close);
  response.write('retry: 1000\n\n');
  return close;
}
