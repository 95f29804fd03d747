import type { FastifyInstance } from 'fastify';
import type { ValidationReport } from '../contract/run.js';
import type { PreparedCase } from '../execution/index.js';

function caseOf(prepared: PreparedCase): ValidationReport['cases'][number] {
  return { name: prepared.spec.name, request: prepared.request, notes: prepared.notes };
}

/**
 * `POST /api/validate`: a spec (`{ test_spec }` or YAML) or a suite (`{ suite }` or YAML with
 * `tests`) checked exactly as a run would check it before calling a model - schema, provider
 * rules, assertions - without saving or calling anything. 200 with what each case would send,
 * or the 400 a run would get (naming the field, or the YAML line and column). The validator and
 * the engine are imported on the first request, not at startup.
 */
export function registerValidateRoute(app: FastifyInstance): void {
  app.post('/api/validate', async (request): Promise<ValidationReport> => {
    const [{ readDocumentBody }, { prepareCase }, { prepareSuite }] = await Promise.all([
      import('../app/spec-body.js'),
      import('../execution/index.js'),
      import('../suite-runs/index.js'),
    ]);
    const document = readDocumentBody(request);
    if (document.kind === 'suite') return { valid: true, kind: 'suite', cases: prepareSuite(document.suite).cases.map(caseOf) };
    return { valid: true, kind: 'test', cases: [caseOf(prepareCase(document.spec, 'test_spec'))] };
  });
}
