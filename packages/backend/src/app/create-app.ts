import { setMaxListeners } from 'node:events';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { registerExecuteRoutes } from '../routes/execute.js';
import { registerHealthRoute } from '../routes/health.js';
import { registerLibraryRoutes } from '../routes/library.js';
import { registerProviderRoutes } from '../routes/providers.js';
import { registerRunsRoutes } from '../routes/runs.js';
import { registerValidateRoute } from '../routes/validate.js';
import { registerSuiteRunRoutes } from '../routes/suite-runs.js';
import { logLegacyImport } from '../store/index.js';
import { DEFAULT_BODY_LIMIT_BYTES, DEFAULT_SUITE_DRAIN_TIMEOUT_MS, MAX_HEADER_BYTES, type BackendAppOptions } from './app-options.js';
import { installJsonBody, installYamlBody } from './body-parsers.js';
import { clientErrorHandler } from './client-errors.js';
import { answerFrameworkError, installErrorHandler } from './error-handler.js';
import { REDACT_PATHS, installRequestLogging } from './logging.js';
import { DeferredSchemas } from './deferred-schemas.js';
import { installSecurity } from './security.js';
import { openServices, type BackendServices } from './services.js';
import { installShutdownBehaviour } from './shutdown.js';
import { validateAppOptions } from './validate-options.js';

export { DEFAULT_BODY_LIMIT_BYTES, DEFAULT_SUITE_DRAIN_TIMEOUT_MS, MAX_HEADER_BYTES, type BackendAppOptions } from './app-options.js';

function loggerOptions(logger: BackendAppOptions['logger']): false | Record<string, unknown> {
  if (logger === false) return false;
  const stream = logger?.stream === undefined ? {} : { stream: logger.stream };
  return { level: logger?.level ?? 'info', redact: [...REDACT_PATHS], ...stream };
}

/**
 * Builds the Fastify service (routes, body parsers, auth, Host/Origin checks, error mapping,
 * redacted logs) over the opened history store (SQLite in `dataDir`, locked for this process; an
 * old runs.jsonl is imported once). Suite runs left `running` by a previous process resume when the
 * app is ready. Closing drains the suite runner (docs/suite-runs.md, "Drain"), then closes the store.
 */
/**
 * Resumes unfinished suite runs once the app is ready; on close, stops starting cases at once
 * (preClose) and waits for the drain (onClose) before closing the store.
 */
function installSuiteRunLifecycle(app: FastifyInstance, services: BackendServices, drainTimeoutMs: number): void {
  let drained: Promise<unknown> = Promise.resolve();
  app.addHook('onReady', async () => {
    await services.suiteRunner.resumeUnfinished();
  });
  app.addHook('preClose', async () => {
    drained = services.suiteRunner.drain(drainTimeoutMs).then((result) => app.log.info(result, 'suite runs drained'));
  });
  app.addHook('onClose', async () => {
    await drained.catch((error: unknown) => app.log.error({ err: error }, 'suite-run drain failed'));
    await services.store.close();
  });
}

export async function createBackendApp(options: BackendAppOptions): Promise<FastifyInstance> {
  validateAppOptions(options);
  const schemas = new DeferredSchemas();
  const app = Fastify({
    logger: loggerOptions(options.logger),
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT_BYTES,
    logController: new LogController({ disableRequestLogging: true }),
    return503OnClosing: false,
    // No automatic HEAD twin of every GET route: no client of this API sends HEAD, and each twin is one more route to compile at every start.
    exposeHeadRoutes: false,
    frameworkErrors: answerFrameworkError,
    clientErrorHandler,
    // A missing Host is refused by our own Host check (403 in the usual shape), not by Node's bare
    // 400; headers over MAX_HEADER_BYTES get 431 in the usual shape (clientErrorHandler).
    http: { requireHostHeader: false, maxHeaderSize: MAX_HEADER_BYTES },
    // Strict: reject (not strip) unknown fields, no type coercion. validateSchema off: our schemas are
    // constants covered by tests, and compiling Ajv's meta-schema cost ~35 ms of every startup.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, useDefaults: false, allErrors: false, validateSchema: false } },
    // Ajv and fast-json-stringify are loaded, and each route's schemas compiled, on first use rather than at startup.
    schemaController: { compilersFactory: schemas.compilersFactory() },
  });
  schemas.install(app);
  const services = await openServices(options, app.log);
  // No text/plain: it is what a cross-site "simple" request can send without a preflight. JSON and
  // YAML (not CORS-safelisted types) are parsed with prototype-key and nesting checks.
  app.removeContentTypeParser('text/plain');
  installJsonBody(app);
  installYamlBody(app);
  installErrorHandler(app, [options.anthropicApiKey, options.openaiApiKey, options.token]);
  installSecurity(app, { token: options.token, allowedOrigins: options.allowedOrigins ?? [], extraHosts: options.extraHosts ?? [] });
  installRequestLogging(app);
  installShutdownBehaviour(app);
  const signal = options.abortSignal ?? new AbortController().signal;
  // Every model call in flight listens to this one signal (and removes its listener when done), so
  // more than Node's warning threshold of 10 listeners is normal here, not a leak.
  setMaxListeners(0, signal);
  registerHealthRoute(app, options.instanceId);
  registerExecuteRoutes(app, { ...services, signal });
  registerRunsRoutes(app, services.store);
  registerProviderRoutes(app, services.providers);
  registerLibraryRoutes(app, services.library);
  registerValidateRoute(app);
  registerSuiteRunRoutes(app, services.suiteRunner, services.library, options.eventHeartbeatMs === undefined ? {} : { heartbeatMs: options.eventHeartbeatMs });
  installSuiteRunLifecycle(app, services, options.suiteDrainTimeoutMs ?? DEFAULT_SUITE_DRAIN_TIMEOUT_MS);
  logLegacyImport(app.log, services.storeStats);
  const configured = services.providers.list().filter((provider) => provider.configured).map((provider) => provider.name);
  app.log.info({ history: services.storeStats, auth: options.token !== undefined, providersConfigured: configured }, 'backend ready');
  return app;
}
