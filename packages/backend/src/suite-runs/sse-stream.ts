import type { FastifyReply } from 'fastify';
import type { SuiteRunEvent } from '../contract/suite-run.js';

/** How long a client should wait before reconnecting after the stream drops (the SSE `retry:` field). */
export const SSE_RETRY_MS = 1_000;

/** An open Server-Sent Events answer. */
export interface EventStream {
  /** Aborted when the client goes away or the stream is closed. */
  readonly signal: AbortSignal;
  send(event: SuiteRunEvent): void;
  close(): void;
}

/**
 * Takes the reply over (hijack) and answers `text/event-stream`: each event as `event: <type>`,
 * `id: <n>` and `data: <JSON>`; a `: heartbeat` comment whenever nothing was written for
 * `heartbeatMs` (one timer, re-armed after every write), so proxies and clients can tell a live
 * stream from a dead one. Headers already set on the reply (CORS) are kept.
 */
export function openEventStream(reply: FastifyReply, heartbeatMs: number): EventStream {
  const controller = new AbortController();
  const raw = reply.raw;
  reply.hijack();
  const kept = Object.entries(reply.getHeaders()).filter((entry): entry is [string, string | number | string[]] => entry[1] !== undefined);
  raw.writeHead(200, {
    ...Object.fromEntries(kept),
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    'x-accel-buffering': 'no',
    'x-content-type-options': 'nosniff',
    // The socket ends with the stream: a kept-alive socket idle only after the server began closing would hold the close for its keep-alive timeout.
    connection: 'close',
  });
  let sent = 0;
  const write = (text: string): void => {
    if (raw.writableEnded || raw.destroyed) return;
    raw.write(text);
    heartbeat.refresh();
  };
  const heartbeat = setTimeout(() => write(': heartbeat\n\n'), heartbeatMs);
  heartbeat.unref();
  const close = (): void => {
    clearTimeout(heartbeat);
    controller.abort();
    if (!raw.writableEnded) raw.end();
  };
  raw.on('close', close);
  write(`retry: ${SSE_RETRY_MS}\n\n`);
  return {
    signal: controller.signal,
    send(event) {
      sent += 1;
      write(`event: ${event.type}\nid: ${sent}\ndata: ${JSON.stringify(event)}\n\n`);
    },
    close,
  };
}
