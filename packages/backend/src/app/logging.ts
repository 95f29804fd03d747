import type { FastifyInstance } from 'fastify';

/**
 * pino redact paths: auth headers and every key-like field, wherever a request, error or config
 * object is logged. The error handler also scrubs the key and token out of message strings.
 */
export const REDACT_PATHS: readonly string[] = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'headers.authorization',
  'headers["x-api-key"]',
  'authorization',
  'apiKey',
  'api_key',
  'anthropicApiKey',
  'openaiApiKey',
  'token',
  'ANTHROPIC_API_KEY',
  'OPENAI_API_KEY',
  'SENTINEL_TOKEN',
  '*.authorization',
  '*.apiKey',
  '*.api_key',
  '*.anthropicApiKey',
  '*.openaiApiKey',
  '*.token',
  '*.ANTHROPIC_API_KEY',
  '*.OPENAI_API_KEY',
  '*.SENTINEL_TOKEN',
  '*.headers.authorization',
  '*.headers["x-api-key"]',
];

/**
 * One line per finished request instead of Fastify's two (incoming + completed): `/api` routes at
 * info, `/health` (probed every few seconds by the supervisor) at debug.
 */
export function installRequestLogging(app: FastifyInstance): void {
  app.addHook('onResponse', async (request, reply) => {
    const line = {
      method: request.method,
      route: request.routeOptions.url ?? null,
      statusCode: reply.statusCode,
      responseTimeMs: Math.round(reply.elapsedTime),
    };
    if (request.url === '/health') request.log.debug(line, 'request done');
    else request.log.info(line, 'request done');
  });
}
