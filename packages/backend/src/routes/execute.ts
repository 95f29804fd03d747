import type { FastifyInstance } from 'fastify';
import type { readTestSpecBody } from '../app/spec-body.js';
import type { AnswerDependencies, executeSpec } from '../execution/index.js';
import type { Library } from '../library/index.js';
import { itemParamsSchema } from './library-schemas.js';

/** The spec validator and the engine (Ajv, re2js, the yaml package...): imported on the first run, not at startup. */
async function engine(): Promise<{ executeSpec: typeof executeSpec; readTestSpecBody: typeof readTestSpecBody }> {
  const [execution, specBody] = await Promise.all([import('../execution/index.js'), import('../app/spec-body.js')]);
  return { executeSpec: execution.executeSpec, readTestSpecBody: specBody.readTestSpecBody };
}

/** What the execute routes need. */
export interface ExecuteRouteDependencies extends AnswerDependencies {
  readonly library: Library;
}

/**
 * `POST /api/execution/execute`: `{ test_spec }` (JSON) or a raw YAML spec (`Content-Type:
 * application/yaml`) -> `{ result }`. `POST /api/tests/:id/run`: runs the library test, the run
 * carrying its `test_id` (so its history and trend can be shown). Each run is durable before the
 * answer (or comes back `saved: false` when the history cannot be written).
 */
export function registerExecuteRoutes(app: FastifyInstance, dependencies: ExecuteRouteDependencies): void {
  app.post('/api/execution/execute', async (request) => {
    const { executeSpec, readTestSpecBody } = await engine();
    const result = await executeSpec(readTestSpecBody(request), dependencies);
    request.log.info({ runId: result.id, success: result.success, latencyMs: result.latency_ms, saved: result.saved }, 'run finished');
    return { result };
  });
  app.post<{ Params: { id: string } }>('/api/tests/:id/run', { schema: { params: itemParamsSchema } }, async (request) => {
    const test = await dependencies.library.tests.get(request.params.id);
    const { executeSpec } = await engine();
    const result = await executeSpec(test.spec, dependencies, { field: test.path, testId: test.id });
    request.log.info({ runId: result.id, testId: test.id, success: result.success, saved: result.saved }, 'run finished');
    return { result };
  });
}
