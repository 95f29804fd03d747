import { RUN_ID_PATTERN } from '../runs/run-id.js';

/** Page size of `GET /api/runs` when `limit` is absent, and its maximum. */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/** `GET /api/runs` query: `limit` and `cursor` (strings, parsed after validation). */
export const listRunsQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    limit: { type: 'string', pattern: '^[1-9][0-9]{0,2}$' },
    cursor: { type: 'string', pattern: RUN_ID_PATTERN },
  },
} as const;

/** `GET /api/runs/:id` params. */
export const runIdParamsSchema = {
  type: 'object',
  required: ['id'],
  additionalProperties: false,
  properties: { id: { type: 'string', pattern: RUN_ID_PATTERN } },
} as const;
