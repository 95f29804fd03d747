import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { appDataDir } from '../host/app-data-dir.js';
import type { BackendClientFactory } from '../host/backend-client-contract.js';
import type { BackendSupervisorOptions } from '../host/backend-launch.js';
import { SentinelHost } from '../host/host.js';
import { FileSecretStore, PLAINTEXT_CODEC } from '../host/secret-store.js';
import type { SupervisorLike } from '../host/supervisor-contract.js';
import { startBrowserServer, type BrowserServer } from './server.js';

/** The built renderer: packages/desktop/dist/renderer (the same path from src/browser and dist/browser). */
export const DEFAULT_RENDERER_DIR = fileURLToPath(new URL('../../dist/renderer/', import.meta.url));

export interface BrowserModeOptions {
  readonly sidecarPath: string;
  readonly createSupervisor: (options: BackendSupervisorOptions) => SupervisorLike;
  readonly createClient: BackendClientFactory;
  /** Sentinel's data directory (API key file, run history). @default appDataDir() */
  readonly dataDir?: string;
  /** Port for the UI on 127.0.0.1. @default 0 (any free port) */
  readonly port?: number;
  /** @default the dist/renderer folder of this package */
  readonly rendererDir?: string;
  /** Extra backend environment (tests point ANTHROPIC_BASE_URL at a stub). @default {} */
  readonly backendEnv?: Readonly<Record<string, string>>;
  /** Restart policy overrides for the supervisor (tests shorten the crash-loop window). */
  readonly restart?: Readonly<Record<string, number>>;
  /** Runtime for the backend. @default process.execPath */
  readonly execPath?: string;
}

export interface BrowserMode {
  readonly host: SentinelHost;
  readonly server: BrowserServer;
  /** Stop the backend (bounded) and the UI server. */
  close(): Promise<void>;
}

/**
 * Browser mode: the same host as the Electron app, its UI served on 127.0.0.1. The API key is kept
 * in a 0600 file, unencrypted (no OS keychain without Electron); the UI says so.
 */
export async function startBrowserMode(options: BrowserModeOptions): Promise<BrowserMode> {
  const dataDir = options.dataDir ?? appDataDir();
  const host = new SentinelHost({
    mode: 'browser',
    sidecarPath: options.sidecarPath,
    execPath: options.execPath ?? process.execPath,
    dataDir: join(dataDir, 'data'),
    env: options.backendEnv ?? {},
    ...(options.restart ? { restart: options.restart } : {}),
    secretStore: new FileSecretStore(join(dataDir, 'anthropic-api-key.txt'), PLAINTEXT_CODEC),
    createSupervisor: options.createSupervisor,
    createClient: options.createClient,
  });
  const server = await startBrowserServer({ host, rendererDir: options.rendererDir ?? DEFAULT_RENDERER_DIR, port: options.port ?? 0 });
  void host.start();
  return {
    host,
    server,
    close: async () => {
      await host.stop();
      await server.close();
    },
  };
}
