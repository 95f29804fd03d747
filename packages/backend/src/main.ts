import { exitWithParent } from '@sentinel/supervisor/child';
import type { FastifyInstance } from 'fastify';
import { createBackendApp } from './app/create-app.js';
import { extraHostsFor, readConfig, type BackendConfig } from './config/env.js';
import { scrubSecrets } from './app/scrub-secrets.js';
import { sidecarLogStream } from './app/sidecar-log-stream.js';
import { StoreOpenError } from './store/index.js';

/** Extra time after the drain bound before the process exits no matter what. */
const HARD_EXIT_MARGIN_MS = 1_000;

/** Logs one fatal JSON line (secrets scrubbed) and exits 1. */
function fatal(message: string, code: string): never {
  const msg = scrubSecrets(message, [process.env.ANTHROPIC_API_KEY, process.env.OPENAI_API_KEY, process.env.SENTINEL_TOKEN]);
  process.stdout.write(`${JSON.stringify({ level: 60, time: Date.now(), pid: process.pid, code, msg })}\n`);
  process.exit(1);
}

/**
 * Announces the bound port on stdout as one pino-shaped JSON line, whatever LOG_LEVEL is: it is
 * the handshake a parent reads when it passed PORT=0, not a log message.
 */
function announceListening(port: number, host: string, url: string): void {
  const line = { level: 30, time: Date.now(), pid: process.pid, event: 'listening', port, host, url, msg: `listening on port ${port}` };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

async function start(config: BackendConfig, abortSignal: AbortSignal): Promise<FastifyInstance> {
  const app = await createBackendApp({
    dataDir: config.dataDir,
    abortSignal,
    // Suite-run cases in flight at a SIGTERM are waited for (up to the same bound), then left to the resume.
    suiteDrainTimeoutMs: config.drainTimeoutMs,
    logger: { level: config.logLevel, stream: sidecarLogStream() },
    allowedOrigins: config.allowedOrigins,
    extraHosts: extraHostsFor(config.host),
    ...(config.token === undefined ? {} : { token: config.token }),
    ...(config.instanceId === undefined ? {} : { instanceId: config.instanceId }),
    ...(config.workspaceDir === undefined ? {} : { workspaceDir: config.workspaceDir }),
    ...(config.anthropicApiKey === undefined ? {} : { anthropicApiKey: config.anthropicApiKey }),
    ...(config.anthropicBaseUrl === undefined ? {} : { anthropicBaseUrl: config.anthropicBaseUrl }),
    ...(config.openaiApiKey === undefined ? {} : { openaiApiKey: config.openaiApiKey }),
    ...(config.openaiBaseUrl === undefined ? {} : { openaiBaseUrl: config.openaiBaseUrl }),
    ...(config.modelTimeoutMs === undefined ? {} : { modelTimeoutMs: config.modelTimeoutMs }),
    ...(config.modelMaxRetries === undefined ? {} : { modelMaxRetries: config.modelMaxRetries }),
  });
  await app.listen({ port: config.port, host: config.host, listenTextResolver: (address) => `Server listening at ${address}` });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  const urlHost = config.host.includes(':') ? `[${config.host}]` : config.host;
  announceListening(port, config.host, `http://${urlHost}:${port}`);
  return app;
}

/** Stops accepting, lets in-flight requests finish within the bound, then exits 0. */
function shutdownOnce(app: FastifyInstance, inFlight: AbortController, drainTimeoutMs: number): (reason: string) => Promise<void> {
  let closing: Promise<void> | undefined;
  return (reason) => {
    closing ??= (async () => {
      app.log.info({ reason, drainTimeoutMs }, 'shutting down');
      const force = setTimeout(() => {
        app.log.warn({ drainTimeoutMs }, 'drain bound reached: cutting in-flight requests');
        inFlight.abort();
        app.server.closeAllConnections();
        setTimeout(() => process.exit(0), HARD_EXIT_MARGIN_MS).unref();
      }, drainTimeoutMs);
      await app.close();
      clearTimeout(force);
      process.exit(0);
    })();
    return closing;
  };
}

async function main(): Promise<void> {
  process.on('uncaughtException', (error) => fatal(`Uncaught exception: ${error.message}`, 'UNCAUGHT_EXCEPTION'));
  process.on('unhandledRejection', (reason) => fatal(`Unhandled rejection: ${String(reason)}`, 'UNHANDLED_REJECTION'));
  let config: BackendConfig;
  try {
    config = readConfig();
  } catch (error) {
    fatal((error as Error).message, 'CONFIG_ERROR');
  }
  const inFlight = new AbortController();
  const app = await start(config, inFlight.signal).catch((error: unknown) =>
    fatal(`Could not start: ${(error as Error).message}`, error instanceof StoreOpenError ? error.code : 'START_FAILED'),
  );
  const shutdown = shutdownOnce(app, inFlight, config.drainTimeoutMs);
  // on, not once: the supervisor signals the group and each member, so a second SIGTERM can follow the
  // first; with the handler gone it would kill the process mid-drain. shutdown() runs once anyway.
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  exitWithParent({ onParentGone: () => shutdown('parent gone'), graceMs: config.drainTimeoutMs + 2 * HARD_EXIT_MARGIN_MS });
}

void main();
