import type { FastifyInstance } from 'fastify';
import { executeSpec } from '../execution/execute-spec.js';
import type { TestSpec } from '../execution/test-spec.js';
import type { ModelClient } from '../model/types.js';
import type { HistoryStore } from '../store/index.js';
import { executeBodySchema } from './schemas.js';

/** `POST /api/execution/execute` `{ test_spec }` -> `{ result }`; the run is on disk before the answer. */
export function registerExecuteRoute(
  app: FastifyInstance,
  dependencies: { model: ModelClient | undefined; store: HistoryStore; signal: AbortSignal },
): void {
  app.post<{ Body: { test_spec: TestSpec } }>('/api/execution/execute', { schema: { body: executeBodySchema } }, async (request) => {
    const result = await executeSpec(request.body.test_spec, dependencies);
    request.log.info({ runId: result.id, success: result.success, latencyMs: result.latency_ms }, 'run finished');
    return { result };
  });
}
