import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyServerOptions } from 'fastify';
import type { SentinelHost } from '../host/host.js';
import { DESKTOP_ERROR_CODES } from '../shared/error-codes.js';
import type { ServerAddress } from './address.js';
import { registerBridgeRoutes } from './bridge-routes.js';
import { checkTargetAndHost } from './guards.js';
import { refuse } from './refuse.js';
import { SECURITY_HEADERS } from './security-headers.js';
import type { BrowserSessions } from './session.js';
import { registerSessionRoutes } from './session-routes.js';
import { registerStaticRoutes } from './static-routes.js';

/** Largest request body accepted (a test spec with a long prompt fits easily). */
export const MAX_BODY_BYTES = 1024 * 1024;
/**
 * Largest request header block. Node's 16 KiB default would let a page on another 127.0.0.1 port
 * lock Sentinel out by planting big cookies, which the browser then sends to every port (431 for
 * everything); a browser keeps at most 180 cookies of 4 KiB per host.
 */
export const MAX_HEADER_BYTES = 1024 * 1024;

export interface BrowserAppOptions {
  readonly host: SentinelHost;
  /** Directory holding the built renderer (index.html, app.js, styles.css). */
  readonly rendererDir: string;
  readonly sessions: BrowserSessions;
  /** Where the server listens (read per request: known only once bound). */
  readonly address: () => ServerAddress;
  /** Fastify's logger; refused requests are logged at warn with their Origin. @default false */
  readonly logger?: FastifyServerOptions['logger'];
}

function fieldOf(error: FastifyError): string | undefined {
  const first = error.validation?.[0];
  if (!first) return undefined;
  const missing = (first.params as { missingProperty?: unknown } | undefined)?.missingProperty;
  const path = first.instancePath.replace(/^\//, '').replace(/\//g, '.');
  return typeof missing === 'string' ? [path, missing].filter(Boolean).join('.') : path || undefined;
}

/** Fastify's own errors (body parsing, schema) as the bridge's coded error body. */
function errorBody(error: FastifyError): { status: number; body: { code: string; message: string; details?: { field: string } } } {
  const status = error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
  if (status === 500) return { status, body: { code: DESKTOP_ERROR_CODES.BACKEND, message: 'Internal error in Sentinel’s browser mode' } };
  if (status === 413) return { status, body: { code: DESKTOP_ERROR_CODES.INVALID_INPUT, message: `The request body is larger than ${MAX_BODY_BYTES} bytes` } };
  if (status === 415) return { status, body: { code: DESKTOP_ERROR_CODES.INVALID_INPUT, message: 'Bridge requests must be sent as application/json' } };
  const field = fieldOf(error);
  return { status, body: { code: DESKTOP_ERROR_CODES.INVALID_INPUT, message: error.message, ...(field ? { details: { field } } : {}) } };
}

/** Browser mode's Fastify app: static renderer, sign-in, the bridge and its event stream. Not listening yet. */
export async function createBrowserApp(options: BrowserAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: MAX_BODY_BYTES,
    http: { maxHeaderSize: MAX_HEADER_BYTES },
    forceCloseConnections: true,
    return503OnClosing: true,
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, useDefaults: false, allErrors: false } },
    // A target the router cannot even decode (`GET //%%`): 400, never a 500.
    frameworkErrors: (_error, request, reply) => {
      const error = { code: DESKTOP_ERROR_CODES.BAD_REQUEST, message: 'The request target is not a valid URL path' };
      void refuse(request, (reply as FastifyReply).headers(SECURITY_HEADERS), 400, error);
    },
  });
  // JSON only: text/plain is what a cross-site form or a CORS-simple fetch can send.
  app.removeContentTypeParser('text/plain');
  app.decorateRequest('browserSession', null);
  app.addHook('onRequest', async (_request, reply) => void reply.headers(SECURITY_HEADERS));
  app.addHook('onRequest', checkTargetAndHost(options.address));
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const { status, body } = errorBody(error);
    if (status === 500) request.log.error({ err: error }, 'browser mode failed to answer');
    return reply.code(status).send({ error: body });
  });
  app.setNotFoundHandler((request, reply) => reply.code(404).send({ error: { code: DESKTOP_ERROR_CODES.NOT_FOUND, message: `Nothing at ${request.method} ${request.url.slice(0, 200)}` } }));
  await app.register(fastifyCookie);
  await registerStaticRoutes(app, options.rendererDir);
  registerSessionRoutes(app, options.sessions, options.address);
  registerBridgeRoutes(app, options.host, options.sessions, options.address);
  return app;
}
