import type { FastifyInstance } from 'fastify';
import { validationError } from '../app/errors.js';
import { PROVIDERS, type ProviderInfo, type ProviderName, type ProviderVerification } from '../contract/providers.js';
import type { ProviderRegistry } from '../providers/types.js';

/** `POST /api/providers/:name/verify` params: the name is checked in the handler, to list the known ones. */
const verifyParamsSchema = {
  type: 'object',
  required: ['name'],
  additionalProperties: false,
  properties: { name: { type: 'string', minLength: 1, maxLength: 64 } },
} as const;

/** Optional body `{ api_key }`: a key to check instead of the configured one (printable ASCII, no spaces). */
const verifyBodySchema = {
  type: 'object',
  additionalProperties: false,
  properties: { api_key: { type: 'string', minLength: 1, maxLength: 1000, pattern: '^[\\x21-\\x7e]+$' } },
} as const;

function providerName(name: string): ProviderName {
  if ((PROVIDERS as readonly string[]).includes(name)) return name as ProviderName;
  throw validationError('params.name', `must be one of ${PROVIDERS.join(', ')}; received ${JSON.stringify(name)}`);
}

/**
 * `GET /api/providers` → `{ providers }`: each provider, whether it has a key, its priced models.
 * `POST /api/providers/:name/verify` (optional body `{ api_key }`) → `{ verification }`: whether the
 * configured (or given) key works, checked with the provider's free model listing. The given key
 * is used for that one call only: never stored, never logged (the body is not logged, and
 * `api_key` is a redacted field).
 */
export function registerProviderRoutes(app: FastifyInstance, registry: ProviderRegistry): void {
  app.get('/api/providers', async (): Promise<{ providers: ProviderInfo[] }> => ({ providers: registry.list() }));
  app.post<{ Params: { name: string }; Body: { api_key?: string } }>(
    '/api/providers/:name/verify',
    {
      schema: { params: verifyParamsSchema, body: verifyBodySchema },
      // No body at all is the same as `{}`: check the configured key.
      preValidation: async (request) => {
        request.body ??= {};
      },
    },
    async (request): Promise<{ verification: ProviderVerification }> => {
      const name = providerName(request.params.name);
      return { verification: await registry.verify(name, request.body.api_key) };
    },
  );
}
