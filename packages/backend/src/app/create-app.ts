import Fastify, { LogController, type FastifyInstance } from 'fastify';
import type { DestinationStream } from 'pino';
import { createAnthropicModel } from '../model/anthropic-model.js';
import type { ModelClient } from '../model/types.js';
import { registerExecuteRoute } from '../routes/execute.js';
import { registerHealthRoute } from '../routes/health.js';
import { registerRunsRoutes } from '../routes/runs.js';
import { logLegacyImport, openSqliteStore } from '../store/index.js';
import { answerFrameworkError, installErrorHandler } from './error-handler.js';
import { BackendError } from './errors.js';
import { REDACT_PATHS, installRequestLogging } from './logging.js';
import { installSecurity } from './security.js';
import { validateAppOptions } from './validate-options.js';

/**
 * While closing: requests arriving on kept-alive sockets get 503 `SHUTTING_DOWN` (in the usual error
 * shape), and every answer carries `Connection: close` so sockets end with their last response.
 */
function installShutdownBehaviour(app: FastifyInstance): void {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onRequest', async () => {
    if (closing) throw new BackendError('SHUTTING_DOWN');
  });
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });
}

function loggerOptions(logger: BackendAppOptions['logger']): false | Record<string, unknown> {
  if (logger === false) return false;
  const stream = logger?.stream === undefined ? {} : { stream: logger.stream };
  return { level: logger?.level ?? 'info', redact: [...REDACT_PATHS], ...stream };
}

/** The SDK-backed model client, or undefined when no API key is configured (execute then answers NO_API_KEY). */
function modelFor(options: BackendAppOptions): ModelClient | undefined {
  if (options.anthropicApiKey === undefined) return undefined;
  return createAnthropicModel({
    apiKey: options.anthropicApiKey,
    ...(options.anthropicBaseUrl === undefined ? {} : { baseUrl: options.anthropicBaseUrl }),
    ...(options.modelTimeoutMs === undefined ? {} : { timeoutMs: options.modelTimeoutMs }),
    ...(options.modelMaxRetries === undefined ? {} : { maxRetries: options.modelMaxRetries }),
  });
}

/** Default request body limit: a spec with a long prompt fits, a flood does not. */
export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;

/** Options of {@link createBackendApp}. */
export interface BackendAppOptions {
  /** Directory of the run history (created if missing). */
  readonly dataDir: string;
  /** Bearer token for `/api`; without one `/api` is open (the desktop always sets one). @default undefined */
  readonly token?: string;
  /** Per-launch id echoed by `/health` (`SUPERVISOR_INSTANCE_ID`). @default undefined (null in /health) */
  readonly instanceId?: string;
  /** Anthropic API key; without one, execute answers 400 `NO_API_KEY`. @default undefined */
  readonly anthropicApiKey?: string;
  /** Anthropic API base URL (a local stub in tests). @default the SDK's (https://api.anthropic.com) */
  readonly anthropicBaseUrl?: string;
  /** Per-attempt model call timeout in ms. @default 60000 (DEFAULT_MODEL_TIMEOUT_MS) */
  readonly modelTimeoutMs?: number;
  /** Model call retries. @default 1 (DEFAULT_MODEL_MAX_RETRIES) */
  readonly modelMaxRetries?: number;
  /** Replaces the SDK model client entirely (used by nothing but embedders). @default undefined */
  readonly model?: ModelClient;
  /** Browser origins allowed to call the API (exact strings). @default [] */
  readonly allowedOrigins?: readonly string[];
  /** Host header names accepted besides loopback ones. @default [] */
  readonly extraHosts?: readonly string[];
  /** Request body limit in bytes. @default DEFAULT_BODY_LIMIT_BYTES (1 MiB) */
  readonly bodyLimit?: number;
  /** Aborting it cancels in-flight model calls (the sidecar does so when its drain bound runs out). @default undefined */
  readonly abortSignal?: AbortSignal;
  /** Logging: `false` for none, or a level and an optional destination. @default { level: 'info' } to stdout */
  readonly logger?: false | { readonly level?: string; readonly stream?: DestinationStream };
}

/**
 * Builds the Fastify service (routes, schemas, auth, Host/Origin checks, error mapping, redacted
 * logs) over the opened history store (SQLite in `dataDir`, locked for this process; an old
 * runs.jsonl is imported once). The store is closed when the app closes.
 */
export async function createBackendApp(options: BackendAppOptions): Promise<FastifyInstance> {
  validateAppOptions(options);
  const { store, stats } = await openSqliteStore({ dataDir: options.dataDir });
  const app = Fastify({
    logger: loggerOptions(options.logger),
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT_BYTES,
    logController: new LogController({ disableRequestLogging: true }),
    return503OnClosing: false,
    frameworkErrors: answerFrameworkError,
    // Strict: reject (not strip) unknown fields, no type coercion. validateSchema off: our schemas are
    // constants covered by tests, and compiling Ajv's meta-schema cost ~35 ms of every startup.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, useDefaults: false, allErrors: false, validateSchema: false } },
  });
  const model = options.model ?? modelFor(options);
  // JSON only: a text/plain body is what a cross-site "simple" request can send without a preflight.
  app.removeContentTypeParser('text/plain');
  installErrorHandler(app, [options.anthropicApiKey, options.token]);
  installSecurity(app, { token: options.token, allowedOrigins: options.allowedOrigins ?? [], extraHosts: options.extraHosts ?? [] });
  installRequestLogging(app);
  installShutdownBehaviour(app);
  registerHealthRoute(app, options.instanceId);
  registerExecuteRoute(app, { model, store, signal: options.abortSignal ?? new AbortController().signal });
  registerRunsRoutes(app, store);
  app.addHook('onClose', async () => store.close());
  logLegacyImport(app.log, stats);
  app.log.info({ history: stats, auth: options.token !== undefined, apiKeyConfigured: options.anthropicApiKey !== undefined }, 'backend ready');
  return app;
}
