import { nodeCrypto } from '../node-crypto.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { BackendError } from './errors.js';
import { hostName, isLoopbackName } from './loopback.js';

/** Options of {@link installSecurity}. */
export interface SecurityOptions {
  /** Bearer token every `/api` request must carry; `undefined` turns auth off. */
  readonly token: string | undefined;
  /** Browser origins allowed besides none (exact `scheme://host[:port]` strings, or `null`). */
  readonly allowedOrigins: readonly string[];
  /** Host names accepted besides loopback ones (the explicit non-loopback HOST, if any). */
  readonly extraHosts: readonly string[];
}

const PREFLIGHT_MAX_AGE_SECONDS = '600';

function digest(value: string): Buffer {
  return nodeCrypto().createHash('sha256').update(value, 'utf8').digest();
}

/** Constant-time check of an `Authorization` header against `Bearer <token>`. */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const presented = header?.startsWith('Bearer ') === true ? header.slice('Bearer '.length) : '';
  return nodeCrypto().timingSafeEqual(digest(presented), digest(token)) && presented.length > 0;
}

/** How many Host headers the request carried (Node keeps only the first in `headers`). */
function hostHeaderCount(request: FastifyRequest): number {
  const raw = request.raw.rawHeaders;
  let count = 0;
  for (let index = 0; index < raw.length; index += 2) if (raw[index]?.toLowerCase() === 'host') count += 1;
  return count;
}

function checkHost(request: FastifyRequest, extraHosts: ReadonlySet<string>): void {
  const count = hostHeaderCount(request);
  if (count > 1) throw new BackendError('FORBIDDEN_HOST', { message: `The request has ${count} Host headers; exactly one is required` });
  const header = request.headers.host;
  const name = header === undefined ? undefined : hostName(header);
  if (name === undefined || (!isLoopbackName(name) && !extraHosts.has(name))) throw new BackendError('FORBIDDEN_HOST');
}

function checkOrigin(request: FastifyRequest, reply: FastifyReply, allowed: ReadonlySet<string>): void {
  const origin = request.headers.origin;
  if (origin === undefined) return;
  if (!allowed.has(origin)) throw new BackendError('FORBIDDEN_ORIGIN');
  reply.header('access-control-allow-origin', origin).header('vary', 'Origin');
}

/**
 * Locks the service to its own app: refuses Host headers that are not loopback (DNS rebinding),
 * browser requests from origins not listed, and `/api` requests without the bearer token. Answers
 * CORS preflights for the listed origins only.
 */
export function installSecurity(app: FastifyInstance, options: SecurityOptions): void {
  const allowedOrigins = new Set(options.allowedOrigins);
  const extraHosts = new Set(options.extraHosts.map((host) => host.toLowerCase()));
  app.addHook('onRequest', async (request, reply) => {
    checkHost(request, extraHosts);
    checkOrigin(request, reply, allowedOrigins);
    if (request.method === 'OPTIONS') return;
    const route = request.routeOptions.url ?? '';
    const isApi = route.startsWith('/api/') || request.url === '/api' || request.url.startsWith('/api/');
    if (isApi && options.token !== undefined && !bearerMatches(request.headers.authorization, options.token)) {
      throw new BackendError('UNAUTHORIZED');
    }
  });
  app.options('*', async (_request, reply) => {
    reply
      .header('access-control-allow-methods', 'GET, POST, OPTIONS')
      .header('access-control-allow-headers', 'authorization, content-type')
      .header('access-control-max-age', PREFLIGHT_MAX_AGE_SECONDS);
    return reply.code(204).send();
  });
}
