import type { FastifyInstance } from 'fastify';
import { dispatchBridgeCall } from '../host/dispatch.js';
import { toBridgeError } from '../host/errors.js';
import type { SentinelHost } from '../host/host.js';
import { CALL_PATH_PREFIX, EVENTS_PATH } from '../shared/bridge-protocol.js';
import type { ServerAddress } from './address.js';
import { openEventStream } from './event-stream.js';
import { requireOrigin, requireSession } from './guards.js';
import { httpStatusFor } from './http-status.js';
import type { BrowserSessions } from './session.js';

/** Most arguments a bridge function takes (today: three). */
const MAX_ARGS = 8;

const callBody = {
  type: 'object',
  required: ['args'],
  additionalProperties: false,
  properties: { args: { type: 'array', maxItems: MAX_ARGS } },
} as const;

/**
 * The bridge: the host's named functions at POST /bridge/<name> and its events at POST
 * /bridge/events. Origin, page secret and cookie are checked before the body is even read.
 */
export function registerBridgeRoutes(app: FastifyInstance, host: SentinelHost, sessions: BrowserSessions, address: () => ServerAddress): void {
  const guards = [requireOrigin(address), requireSession(sessions, address, { cookie: true })];
  const streams = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const close of [...streams]) close();
  });

  app.post(EVENTS_PATH, { onRequest: guards }, async (_request, reply) => {
    streams.add(openEventStream(reply, host, (close) => streams.delete(close)));
  });

  app.post<{ Params: { method: string }; Body: { args: unknown[] } }>(`${CALL_PATH_PREFIX}:method`, { onRequest: guards, schema: { body: callBody } }, async (request, reply) => {
    try {
      const value = await dispatchBridgeCall(host.handlers, request.params.method, request.body.args);
      return { value: value ?? null };
    } catch (error) {
      const body = toBridgeError(error);
      return reply.code(httpStatusFor(body)).send({ error: body });
    }
  });
}
