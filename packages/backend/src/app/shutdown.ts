import type { FastifyInstance } from 'fastify';
import { BackendError } from './errors.js';

/**
 * While closing: requests arriving on kept-alive sockets get 503 `SHUTTING_DOWN` (in the usual error
 * shape), and every answer carries `Connection: close` so sockets end with their last response.
 */
export function installShutdownBehaviour(app: FastifyInstance): void {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onRequest', async () => {
    if (closing) throw new BackendError('SHUTTING_DOWN');
  });
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });
}
