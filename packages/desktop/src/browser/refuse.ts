import type { FastifyReply, FastifyRequest } from 'fastify';
import type { BridgeErrorBody } from '../shared/types.js';

/**
 * Answer a refused request with the bridge's error body, and log it (warn, with the Origin but never
 * a secret or cookie) so a test or an operator can see what was turned away.
 */
export function refuse(request: FastifyRequest, reply: FastifyReply, status: number, error: BridgeErrorBody): FastifyReply {
  request.log.warn({ refused: error.code, status, method: request.method, url: request.url, origin: request.headers.origin ?? null }, 'request refused');
  return reply.code(status).type('application/json; charset=utf-8').send({ error });
}
