import type { FastifyReply } from 'fastify';
import type { SentinelHost } from '../host/host.js';
import { SECURITY_HEADERS } from './security-headers.js';

/** A comment line every 15 s keeps idle timers from closing the stream. */
const KEEPALIVE_MS = 15_000;

/**
 * Push every host event to the page as Server-Sent Events (`data: <json>` frames), starting with
 * the current connection status so a reconnecting page never shows a stale state. Hand-written
 * over `reply.raw`: one-way JSON frames need no library. Returns a closer.
 */
export function openEventStream(reply: FastifyReply, host: SentinelHost, onClosed: (close: () => void) => void): () => void {
  reply.hijack();
  const response = reply.raw;
  response.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'text/event-stream; charset=utf-8', connection: 'keep-alive', 'x-accel-buffering': 'no' });
  const send = (event: unknown): void => void response.write(`data: ${JSON.stringify(event)}\n\n`);
  send({ type: 'connection', status: host.getSnapshot().connection });
  const unsubscribe = host.onEvent(send);
  const keepalive = setInterval(() => response.write(': keepalive\n\n'), KEEPALIVE_MS);
  keepalive.unref();
  let closed = false;
  const close = (): void => {
    if (closed) return;
    closed = true;
    unsubscribe();
    clearInterval(keepalive);
    response.end();
    onClosed(close);
  };
  response.on('close', close); // the connection went away (page closed, reload, Sentinel stopping)
  return close;
}
