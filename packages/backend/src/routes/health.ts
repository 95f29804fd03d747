import { performance } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';
import { BACKEND_VERSION } from '../version.js';

/** `GET /health`: `{ status: 'ok', instance, version, uptimeMs }`. No auth, nothing secret. */
export function registerHealthRoute(app: FastifyInstance, instanceId: string | undefined): void {
  const startedAt = performance.now();
  const instance = instanceId ?? null;
  app.get('/health', { logLevel: 'warn' }, async () => ({
    status: 'ok',
    instance,
    version: BACKEND_VERSION,
    uptimeMs: Math.round(performance.now() - startedAt),
  }));
}
