import type { FastifyInstance } from 'fastify';
import { BackendError, validationError } from '../app/errors.js';
import { LIBRARY_ID_PATTERN } from '../contract/library.js';
import { RUN_ID_PATTERN } from '../contract/run.js';
import type { TestSuite } from '../contract/spec.js';
import type { SuiteRunRequest } from '../contract/suite-run.js';
import type { Library } from '../library/index.js';
import { CURSOR_PATTERN, MAX_PAGE_LIMIT, parseCursor } from '../store/index.js';
// Not the suite-runs index: it brings the engine, which the app loads on first use (app/deferred-suite-runner.ts).
import { DEFAULT_HEARTBEAT_MS, MAX_SUITE_CONCURRENCY } from '../suite-runs/defaults.js';
import type { SuiteRunner } from '../suite-runs/types.js';
import { watchSuiteRun } from '../suite-runs/watch.js';
import { openEventStream, type EventStream } from '../suite-runs/sse-stream.js';
import { DEFAULT_PAGE_SIZE } from './runs.js';

/** Options of {@link registerSuiteRunRoutes}. */
export interface SuiteRunRouteOptions {
  /** Longest silence on an event stream before a `: heartbeat` comment. @default DEFAULT_HEARTBEAT_MS (15 000) */
  readonly heartbeatMs?: number;
}

const runId = { type: 'string', pattern: RUN_ID_PATTERN } as const;
const idParams = { type: 'object', required: ['id'], additionalProperties: false, properties: { id: runId } } as const;
const compareParams = { type: 'object', required: ['a', 'b'], additionalProperties: false, properties: { a: runId, b: runId } } as const;
const listQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    limit: { type: 'string', pattern: '^[1-9][0-9]{0,2}$' },
    cursor: { type: 'string', pattern: CURSOR_PATTERN },
    suite_id: { type: 'string', pattern: LIBRARY_ID_PATTERN },
  },
} as const;
/** `POST /api/suite-runs`: strict; the suite's own content is checked by the spec module (errors name `suite.<path>`). */
const startBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    suite_id: { type: 'string', pattern: LIBRARY_ID_PATTERN },
    suite: { type: 'object' },
    concurrency: { type: 'integer', minimum: 1, maximum: MAX_SUITE_CONCURRENCY },
    cache: { type: 'boolean' },
  },
} as const;

/** `cancel` and `rerun-failed` take no body: none, or `{}`. */
const emptyBody = { type: 'object', additionalProperties: false, properties: {} } as const;
const noBody = {
  preValidation: async (request: { body: unknown }) => {
    request.body ??= {};
  },
};

function pageOf(query: { limit?: string; cursor?: string }): { limit: number; cursor?: string } {
  const limit = query.limit === undefined ? DEFAULT_PAGE_SIZE : Number(query.limit);
  if (limit > MAX_PAGE_LIMIT) throw validationError('querystring.limit', `must be <= ${MAX_PAGE_LIMIT}`);
  if (query.cursor === undefined) return { limit };
  if (parseCursor(query.cursor) === undefined) throw validationError('querystring.cursor', 'is not a cursor of this history');
  return { limit, cursor: query.cursor };
}

async function suiteOf(body: SuiteRunRequest, library: Library): Promise<{ suite: TestSuite; suiteId: string | null }> {
  if ((body.suite_id === undefined) === (body.suite === undefined)) throw validationError('suite', 'or suite_id is required: give exactly one of them');
  if (body.suite !== undefined) return { suite: body.suite, suiteId: null };
  const stored = await library.suites.get(body.suite_id as string);
  return { suite: stored.suite, suiteId: stored.id };
}

/**
 * The suite-run routes (docs/suite-runs.md): start (202), get, list (newest first, paged),
 * events (Server-Sent Events), cancel, rerun-failed and compare. Event streams are ended when the
 * app closes (preClose), so closing never waits for a watcher.
 */
export function registerSuiteRunRoutes(app: FastifyInstance, runner: SuiteRunner, library: Library, options: SuiteRunRouteOptions = {}): void {
  const heartbeatMs = options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
  const streams = new Set<EventStream>();
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
    for (const stream of streams) stream.close();
  });

  app.post<{ Body: SuiteRunRequest }>('/api/suite-runs', { schema: { body: startBody } }, async (request, reply) => {
    const { suite, suiteId } = await suiteOf(request.body, library);
    const { concurrency, cache } = request.body;
    const suiteRun = await runner.start({ suite, suiteId, ...(concurrency === undefined ? {} : { concurrency }), ...(cache === undefined ? {} : { cache }) });
    return reply.code(202).send({ suite_run: suiteRun });
  });
  app.get<{ Querystring: { limit?: string; cursor?: string; suite_id?: string } }>('/api/suite-runs', { schema: { querystring: listQuery } }, async (request) =>
    runner.list(pageOf(request.query), request.query.suite_id === undefined ? {} : { suite_id: request.query.suite_id }),
  );
  app.get<{ Params: { id: string } }>('/api/suite-runs/:id', { schema: { params: idParams } }, async (request) => ({ suite_run: await runner.get(request.params.id) }));
  app.get<{ Params: { id: string } }>('/api/suite-runs/:id/junit', { schema: { params: idParams } }, async (request, reply) => {
    const xml = await runner.junit(request.params.id);
    return reply.type('application/xml; charset=utf-8').header('content-disposition', `attachment; filename="sentinel-${request.params.id}.junit.xml"`).send(xml);
  });
  app.get<{ Params: { a: string; b: string } }>('/api/suite-runs/:a/compare/:b', { schema: { params: compareParams } }, async (request) => ({
    comparison: await runner.compare(request.params.a, request.params.b),
  }));
  app.post<{ Params: { id: string } }>('/api/suite-runs/:id/cancel', { schema: { params: idParams, body: emptyBody }, ...noBody }, async (request) => ({ suite_run: await runner.cancel(request.params.id) }));
  app.post<{ Params: { id: string } }>('/api/suite-runs/:id/rerun-failed', { schema: { params: idParams, body: emptyBody }, ...noBody }, async (request, reply) =>
    reply.code(202).send({ suite_run: await runner.rerunFailed(request.params.id) }),
  );
  app.get<{ Params: { id: string } }>('/api/suite-runs/:id/events', { schema: { params: idParams } }, async (request, reply) => {
    await runner.get(request.params.id); // a 404 is answered as usual, before the stream opens
    if (closing) throw new BackendError('SHUTTING_DOWN'); // a stream opened now would keep the closing server open
    const stream = openEventStream(reply, heartbeatMs);
    streams.add(stream);
    stream.signal.addEventListener('abort', () => streams.delete(stream), { once: true });
    try {
      for await (const event of watchSuiteRun(runner, request.params.id, stream.signal)) stream.send(event);
    } catch (error) {
      request.log.error({ err: error, suiteRunId: request.params.id }, 'suite-run event stream failed');
    } finally {
      stream.close();
    }
    return reply;
  });
}
