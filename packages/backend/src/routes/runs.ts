import type { FastifyInstance } from 'fastify';
import { BackendError, validationError } from '../app/errors.js';
import { LIBRARY_ID_PATTERN } from '../contract/library.js';
import { RUN_ID_PATTERN, type RunFilter, type RunRecord } from '../contract/run.js';
import { CURSOR_PATTERN, MAX_PAGE_LIMIT, parseCursor, type HistoryStore } from '../store/index.js';

/** Page size of `GET /api/runs` when `limit` is absent. */
export const DEFAULT_PAGE_SIZE = 50;

const runId = { type: 'string', pattern: RUN_ID_PATTERN } as const;

/** `GET /api/runs` query (all strings: the query string is never coerced). */
const listRunsQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    test_id: { type: 'string', pattern: LIBRARY_ID_PATTERN },
    suite_run_id: runId,
    tag: { type: 'string', minLength: 1, maxLength: 200 },
    model: { type: 'string', minLength: 1, maxLength: 200 },
    passed: { type: 'string', enum: ['true', 'false'] },
    limit: { type: 'string', pattern: '^[1-9][0-9]{0,2}$' },
    cursor: { type: 'string', pattern: CURSOR_PATTERN },
  },
} as const;

const runIdParamsSchema = { type: 'object', required: ['id'], additionalProperties: false, properties: { id: runId } } as const;

const compareQuerySchema = { type: 'object', required: ['base', 'head'], additionalProperties: false, properties: { base: runId, head: runId } } as const;

interface ListQuery {
  readonly test_id?: string;
  readonly suite_run_id?: string;
  readonly tag?: string;
  readonly model?: string;
  readonly passed?: 'true' | 'false';
  readonly limit?: string;
  readonly cursor?: string;
}

function pageOf(query: ListQuery): { limit: number; cursor?: string } {
  const limit = query.limit === undefined ? DEFAULT_PAGE_SIZE : Number(query.limit);
  if (limit > MAX_PAGE_LIMIT) throw validationError('querystring.limit', `must be <= ${MAX_PAGE_LIMIT}`);
  if (query.cursor === undefined) return { limit };
  if (parseCursor(query.cursor) === undefined) throw validationError('querystring.cursor', 'is not a cursor of this history');
  return { limit, cursor: query.cursor };
}

function filterOf(query: ListQuery): RunFilter {
  const { test_id, suite_run_id, tag, model, passed } = query;
  return {
    ...(test_id === undefined ? {} : { test_id }),
    ...(suite_run_id === undefined ? {} : { suite_run_id }),
    ...(tag === undefined ? {} : { tag }),
    ...(model === undefined ? {} : { model }),
    ...(passed === undefined ? {} : { passed: passed === 'true' }),
  };
}

async function runOrNotFound(store: HistoryStore, id: string, field: string): Promise<RunRecord> {
  const run = await store.getRun(id);
  if (run === undefined) throw new BackendError('RUN_NOT_FOUND', { message: `No run with id ${id} (${field})`, details: { id, field } });
  return run;
}

/**
 * `GET /api/runs?test_id&suite_run_id&tag&model&passed&limit&cursor` (newest first, paged by
 * cursor, answered through indexes), `GET /api/runs/compare?base&head` and `GET /api/runs/:id`.
 */
export function registerRunsRoutes(app: FastifyInstance, store: HistoryStore): void {
  app.get<{ Querystring: ListQuery }>('/api/runs', { schema: { querystring: listRunsQuerySchema } }, async (request) =>
    store.listRuns(filterOf(request.query), pageOf(request.query)),
  );
  app.get<{ Querystring: { base: string; head: string } }>('/api/runs/compare', { schema: { querystring: compareQuerySchema } }, async (request) => {
    const base = await runOrNotFound(store, request.query.base, 'querystring.base');
    const head = await runOrNotFound(store, request.query.head, 'querystring.head');
    // The comparison (and the diff package) is loaded on the first compare, not at startup.
    const { compareRuns } = await import('../compare/index.js');
    return { comparison: compareRuns(base, head) };
  });
  app.get<{ Params: { id: string } }>('/api/runs/:id', { schema: { params: runIdParamsSchema } }, async (request) => ({
    run: await runOrNotFound(store, request.params.id, 'params.id'),
  }));
}
