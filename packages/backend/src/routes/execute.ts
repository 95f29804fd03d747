import type { FastifyInstance } from 'fastify';
import type { readExecuteBody } from '../app/spec-body.js';
import { LIBRARY_ID_PATTERN } from '../contract/library.js';
import type { AnswerDependencies, executeSpec } from '../execution/index.js';
import type { Library } from '../library/index.js';
import { itemParamsSchema } from './library-schemas.js';

/** The spec validator and the engine (Ajv, re2js, the yaml package...): imported on the first run, not at startup. */
async function engine(): Promise<{ executeSpec: typeof executeSpec; readExecuteBody: typeof readExecuteBody }> {
  const [execution, specBody] = await Promise.all([import('../execution/index.js'), import('../app/spec-body.js')]);
  return { executeSpec: execution.executeSpec, readExecuteBody: specBody.readExecuteBody };
}

/** What the execute routes need. */
export interface ExecuteRouteDependencies extends AnswerDependencies {
  readonly library: Library;
}

const executeQuery = { type: 'object', additionalProperties: false, properties: { test_id: { type: 'string', pattern: LIBRARY_ID_PATTERN } } } as const;

/**
 * `POST /api/execution/execute`: `{ test_spec, test_id? }` (JSON) or a raw YAML spec (`Content-Type:
 * application/yaml`, `?test_id=`) -> `{ result }`; with a test id (an unsaved edit of a library
 * test) the run is recorded under that test, which must exist. `POST /api/tests/:id/run`: runs the
 * library test, the run carrying its `test_id` (so its history and trend can be shown). Each run is
 * durable before the answer (or comes back `saved: false` when the history cannot be written).
 */
export function registerExecuteRoutes(app: FastifyInstance, dependencies: ExecuteRouteDependencies): void {
  app.post<{ Querystring: { test_id?: string } }>('/api/execution/execute', { schema: { querystring: executeQuery } }, async (request) => {
    const { executeSpec, readExecuteBody } = await engine();
    const { spec, testId } = readExecuteBody(request);
    if (testId !== null) await dependencies.library.tests.get(testId);
    const result = await executeSpec(spec, dependencies, { testId });
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
