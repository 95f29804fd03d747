import { YAML_MEDIA_TYPES } from '../app/body-parsers.js';
import { LIBRARY_ID_PATTERN } from '../contract/library.js';
import { REVISION_PATTERN } from '../library/revision.js';

/** Longest `tag`, `category` or `q` a listing may be filtered by. */
export const MAX_FILTER_LENGTH = 200;
/** The content type of the export (YAML bodies may use any of YAML_MEDIA_TYPES). */
export const YAML_CONTENT_TYPE = 'application/yaml';

const id = { type: 'string', pattern: LIBRARY_ID_PATTERN } as const;
const revision = { type: 'string', pattern: REVISION_PATTERN } as const;
const filter = { type: 'string', minLength: 1, maxLength: MAX_FILTER_LENGTH } as const;

/** `:id` of every item route. */
export const itemParamsSchema = { type: 'object', required: ['id'], additionalProperties: false, properties: { id } } as const;

/** `GET /api/tests?tag&category&q`. */
export const listQuerySchema = { type: 'object', additionalProperties: false, properties: { tag: filter, category: filter, q: filter } } as const;

/** `GET /api/tests/:id?format=json|yaml`. */
export const getQuerySchema = { type: 'object', additionalProperties: false, properties: { format: { type: 'string', enum: ['json', 'yaml'] } } } as const;

/** `POST ?id=` (the id for a YAML body; a JSON body may carry `id` instead). */
export const createQuerySchema = { type: 'object', additionalProperties: false, properties: { id } } as const;

/** `PUT` and `DELETE ?revision=` (a JSON PUT body may carry `revision` instead). */
export const revisionQuerySchema = { type: 'object', additionalProperties: false, properties: { revision } } as const;

/**
 * A create (`withId`) or update (`withRevision`) body: JSON `{ <bodyKey>: {...} }`, whose content the
 * spec validator checks, or the YAML text itself.
 */
export function itemBodySchema(bodyKey: string, extra: 'id' | 'revision') {
  const json = {
    type: 'object',
    required: [bodyKey],
    additionalProperties: false,
    properties: { [bodyKey]: { type: 'object' }, [extra]: extra === 'id' ? id : revision },
  };
  const yaml = Object.fromEntries(YAML_MEDIA_TYPES.map((type) => [type, { schema: { type: 'string' } }]));
  return { content: { 'application/json': { schema: json }, ...yaml } };
}
