import type { FastifyInstance } from 'fastify';
import { readTestSpecBody } from '../app/spec-body.js';
import { executeSpec } from '../execution/execute-spec.js';
import type { ModelClient } from '../model/types.js';
import type { RunStore } from '../runs/run-store.js';

/**
 * `POST /api/execution/execute` `{ test_spec }` (JSON) or a raw YAML spec (`Content-Type:
 * application/yaml`) -> `{ result }`; the run is on disk before the answer. The body is checked
 * against the contract's TestSpec schema (compiled on first use, not at startup).
 */
export function registerExecuteRoute(
  app: FastifyInstance,
  dependencies: { model: ModelClient | undefined; store: RunStore; signal: AbortSignal },
): void {
  app.post('/api/execution/execute', async (request) => {
    const result = await executeSpec(readTestSpecBody(request), dependencies);
    request.log.info({ runId: result.id, success: result.success, latencyMs: result.latency_ms }, 'run finished');
    return { result };
  });
}
