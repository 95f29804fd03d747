import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { join } from 'node:path';
import type { DestinationStream } from 'pino';
import { DEFAULT_WORKSPACE_FOLDER, createLibrary, specLibraryValidator } from '../library/index.js';
import { createAnthropicModel } from '../model/anthropic-model.js';
import type { ModelClient } from '../model/types.js';
import { createProviderRegistry } from '../providers/registry.js';
import { registerExecuteRoute } from '../routes/execute.js';
import { registerHealthRoute } from '../routes/health.js';
import { registerProviderRoutes } from '../routes/providers.js';
import { registerLibraryRoutes } from '../routes/library.js';
import { registerRunsRoutes } from '../routes/runs.js';
import { RunStore } from '../runs/run-store.js';
import { installJsonBody, installYamlBody } from './body-parsers.js';
import { clientErrorHandler } from './client-errors.js';
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

/** Largest request head (request line and headers) in bytes: Node's default, made explicit. */
export const MAX_HEADER_BYTES = 16 * 1024;

/** Default request body limit: a spec with a long prompt fits, a flood does not. */
export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;

/** Options of {@link createBackendApp}. */
export interface BackendAppOptions {
  /** Directory of the run history (created if missing). */
  readonly dataDir: string;
  /** The library's folder of tests and suites (`SENTINEL_WORKSPACE` in the sidecar). @default `<dataDir>/workspace` */
  readonly workspaceDir?: string;
  /** Bearer token for `/api`; without one `/api` is open (the desktop always sets one). @default undefined */
  readonly token?: string;
  /** Per-launch id echoed by `/health` (`SUPERVISOR_INSTANCE_ID`). @default undefined (null in /health) */
  readonly instanceId?: string;
  /** Anthropic API key; without one, execute answers 400 `NO_API_KEY`. @default undefined */
  readonly anthropicApiKey?: string;
  /** Anthropic API base URL (a local stub in tests). @default the SDK's (https://api.anthropic.com) */
  readonly anthropicBaseUrl?: string;
  /** OpenAI API key; without one, OpenAI specs answer 400 `NO_API_KEY`. @default undefined */
  readonly openaiApiKey?: string;
  /** OpenAI API base URL, `/v1` included (a local stub in tests). @default the SDK's (https://api.openai.com/v1) */
  readonly openaiBaseUrl?: string;
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
 * logs) over an opened run history. The history file is closed when the app closes.
 */
export async function createBackendApp(options: BackendAppOptions): Promise<FastifyInstance> {
  validateAppOptions(options);
  const store = await RunStore.open(options.dataDir);
  const app = Fastify({
    logger: loggerOptions(options.logger),
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT_BYTES,
    logController: new LogController({ disableRequestLogging: true }),
    return503OnClosing: false,
    frameworkErrors: answerFrameworkError,
    clientErrorHandler,
    // A missing Host is refused by our own Host check (403 in the usual shape), not by Node's bare
    // 400; headers over MAX_HEADER_BYTES get 431 in the usual shape (clientErrorHandler).
    http: { requireHostHeader: false, maxHeaderSize: MAX_HEADER_BYTES },
    // Strict: reject (not strip) unknown fields, no type coercion. validateSchema off: our schemas are
    // constants covered by tests, and compiling Ajv's meta-schema cost ~35 ms of every startup.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, useDefaults: false, allErrors: false, validateSchema: false } },
  });
  const model = options.model ?? modelFor(options);
  // No text/plain: it is what a cross-site "simple" request can send without a preflight. JSON and
  // YAML (not CORS-safelisted types) are parsed with prototype-key and nesting checks.
  app.removeContentTypeParser('text/plain');
  const providers = createProviderRegistry({
    anthropic: { apiKey: options.anthropicApiKey, baseUrl: options.anthropicBaseUrl },
    openai: { apiKey: options.openaiApiKey, baseUrl: options.openaiBaseUrl },
    timeoutMs: options.modelTimeoutMs,
    maxRetries: options.modelMaxRetries,
  });
  installJsonBody(app);
  installYamlBody(app);
  installErrorHandler(app, [options.anthropicApiKey, options.openaiApiKey, options.token]);
  installSecurity(app, { token: options.token, allowedOrigins: options.allowedOrigins ?? [], extraHosts: options.extraHosts ?? [] });
  installRequestLogging(app);
  installShutdownBehaviour(app);
  registerHealthRoute(app, options.instanceId);
  registerExecuteRoute(app, { model, store, signal: options.abortSignal ?? new AbortController().signal });
  registerRunsRoutes(app, store);
  registerProviderRoutes(app, providers);
  const workspaceDir = options.workspaceDir ?? join(options.dataDir, DEFAULT_WORKSPACE_FOLDER);
  registerLibraryRoutes(app, createLibrary({ workspaceDir, validator: specLibraryValidator }));
  app.addHook('onClose', async () => store.close());
  app.log.info({ history: store.stats, auth: options.token !== undefined, apiKeyConfigured: options.anthropicApiKey !== undefined }, 'backend ready');
  return app;
}
