import type { FastifyInstance } from 'fastify';
import { BackendError, validationError } from '../app/errors.js';
import type { RunStore } from '../runs/run-store.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, listRunsQuerySchema, runIdParamsSchema } from './schemas.js';

/** `GET /api/runs?limit&cursor` (newest first) and `GET /api/runs/:id`. */
export function registerRunsRoutes(app: FastifyInstance, store: RunStore): void {
  app.get<{ Querystring: { limit?: string; cursor?: string } }>(
    '/api/runs',
    { schema: { querystring: listRunsQuerySchema } },
    async (request) => {
      const limit = request.query.limit === undefined ? DEFAULT_PAGE_SIZE : Number(request.query.limit);
      if (limit > MAX_PAGE_SIZE) throw validationError('querystring.limit', `must be <= ${MAX_PAGE_SIZE}`);
      return store.list(limit, request.query.cursor);
    },
  );
  app.get<{ Params: { id: string } }>('/api/runs/:id', { schema: { params: runIdParamsSchema } }, async (request) => {
    const run = await store.get(request.params.id);
    if (run === undefined) throw new BackendError('RUN_NOT_FOUND', { details: { id: request.params.id } });
    return { run };
  });
}
