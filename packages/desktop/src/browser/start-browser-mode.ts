import { fileURLToPath } from 'node:url';
import { appDataDir } from '../host/app-data-dir.js';
import { createAdapterHost, type AdapterHostOptions } from '../host/adapter-host.js';
import type { SentinelHost } from '../host/host.js';
import { PLAINTEXT_CODEC } from '../host/secret-store.js';
import { startBrowserServer, type BrowserServer, type BrowserServerOptions } from './server.js';

/** The built renderer: packages/desktop/dist/renderer (the same path from src/browser and dist/browser). */
export const DEFAULT_RENDERER_DIR = fileURLToPath(new URL('../../dist/renderer/', import.meta.url));

export interface BrowserModeOptions extends AdapterHostOptions, Pick<BrowserServerOptions, 'loginLinkTtlMs' | 'logger'> {
  /** Sentinel's data directory (key files, drafts, run history, the default workspace). @default appDataDir() */
  readonly dataDir?: string;
  /** Port for the UI on 127.0.0.1. @default 0 (any free port) */
  readonly port?: number;
  /** @default the dist/renderer folder of this package */
  readonly rendererDir?: string;
}

export interface BrowserMode {
  readonly host: SentinelHost;
  readonly server: BrowserServer;
  /** Stop the backend (bounded) and the UI server. */
  close(): Promise<void>;
}

/**
 * Browser mode: the same host as the Electron app, its UI served on 127.0.0.1. The provider keys are
 * kept in 0600 files, unencrypted (no OS keychain without Electron); the UI says so.
 */
export async function startBrowserMode(options: BrowserModeOptions): Promise<BrowserMode> {
  const dataDir = options.dataDir ?? appDataDir();
  const host = createAdapterHost('browser', dataDir, PLAINTEXT_CODEC, options);
  const server = await startBrowserServer({
    host,
    rendererDir: options.rendererDir ?? DEFAULT_RENDERER_DIR,
    port: options.port ?? 0,
    ...(options.loginLinkTtlMs === undefined ? {} : { loginLinkTtlMs: options.loginLinkTtlMs }),
    ...(options.logger === undefined ? {} : { logger: options.logger }),
  });
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
