import type { FastifyInstance, FastifyReply } from 'fastify';
import { validationError } from '../app/errors.js';
import type { StoredSuite, StoredTest } from '../contract/library.js';
import type { ItemCollection, LibraryFilter, LibraryInput } from '../library/index.js';
import {
  YAML_CONTENT_TYPE,
  createQuerySchema,
  getQuerySchema,
  itemBodySchema,
  itemParamsSchema,
  listQuerySchema,
  revisionQuerySchema,
} from './library-schemas.js';

/** How one kind's routes are named: `/api/tests`, `{ test_spec }` in, `{ test }` / `{ tests }` out. */
export interface ItemRouteNames {
  readonly base: string;
  readonly bodyKey: string;
  readonly itemKey: string;
  readonly listKey: string;
}

type ItemBody = string | Readonly<Record<string, unknown>>;

/** What the request sent: the YAML text as is, or the JSON body's content. */
function inputOf(body: ItemBody, bodyKey: string): LibraryInput {
  return typeof body === 'string' ? { yaml: body } : { value: body[bodyKey] };
}

/** A value given in the query or the JSON body (not both, unless equal). */
function oneOf(name: string, query: string | undefined, body: ItemBody): string | undefined {
  const fromBody = typeof body === 'string' ? undefined : (body[name] as string | undefined);
  if (query !== undefined && fromBody !== undefined && query !== fromBody) throw validationError(name, 'is given twice (query and body) with different values');
  return query ?? fromBody;
}

/** `?format=yaml`: the file exactly as stored, as a download. */
async function sendYaml(reply: FastifyReply, collection: ItemCollection<StoredTest | StoredSuite>, id: string): Promise<FastifyReply> {
  const file = await collection.export(id);
  return reply
    .header('content-type', `${YAML_CONTENT_TYPE}; charset=utf-8`)
    .header('content-disposition', `attachment; filename="${file.fileName}"`)
    .header('etag', `"${file.revision}"`)
    .header('x-content-type-options', 'nosniff')
    .send(file.bytes);
}

/** List, create, read, export, update and delete routes of one collection. */
export function registerItemRoutes(app: FastifyInstance, collection: ItemCollection<StoredTest | StoredSuite>, names: ItemRouteNames): void {
  const { base, bodyKey, itemKey, listKey } = names;
  const item = `${base}/:id`;
  app.get<{ Querystring: LibraryFilter }>(base, { schema: { querystring: listQuerySchema } }, async (request) => {
    const { items, broken } = await collection.list(request.query);
    return { [listKey]: items, broken };
  });
  app.post<{ Querystring: { id?: string }; Body: ItemBody }>(base, { schema: { querystring: createQuerySchema, body: itemBodySchema(bodyKey, 'id') } }, async (request, reply) => {
    const created = await collection.create(inputOf(request.body, bodyKey), oneOf('id', request.query.id, request.body));
    return reply.code(201).send({ [itemKey]: created });
  });
  app.get<{ Params: { id: string }; Querystring: { format?: 'json' | 'yaml' } }>(item, { schema: { params: itemParamsSchema, querystring: getQuerySchema } }, async (request, reply) => {
    if (request.query.format === 'yaml') return sendYaml(reply, collection, request.params.id);
    return { [itemKey]: await collection.get(request.params.id) };
  });
  app.put<{ Params: { id: string }; Querystring: { revision?: string }; Body: ItemBody }>(
    item,
    { schema: { params: itemParamsSchema, querystring: revisionQuerySchema, body: itemBodySchema(bodyKey, 'revision') } },
    async (request) => {
      const revision = oneOf('revision', request.query.revision, request.body);
      return { [itemKey]: await collection.update(request.params.id, inputOf(request.body, bodyKey), revision) };
    },
  );
  app.delete<{ Params: { id: string }; Querystring: { revision?: string } }>(item, { schema: { params: itemParamsSchema, querystring: revisionQuerySchema } }, async (request) => ({
    deleted: await collection.remove(request.params.id, request.query.revision),
  }));
}
