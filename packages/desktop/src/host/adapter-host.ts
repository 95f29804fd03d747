import { join } from 'node:path';
import type { SpawnFunction } from '@sentinel/supervisor';
import type { BackendClientFactory } from './backend-client-contract.js';
import type { BackendSupervisorOptions } from './backend-launch.js';
import { SentinelHost } from './host.js';
import { providerKeyStores } from './provider-keys.js';
import type { SecretCodec } from './secret-store.js';
import type { SupervisorLike } from './supervisor-contract.js';

/** The host options both adapters (Electron shell, browser mode) take from their callers. */
export interface AdapterHostOptions {
  /** Absolute path of the bundled backend file. */
  readonly sidecarPath: string;
  readonly createSupervisor: (options: BackendSupervisorOptions) => SupervisorLike;
  readonly createClient: BackendClientFactory;
  /** Node runtime for the backend, spawned with child_process.spawn; not with `spawn`. @default process.execPath */
  readonly execPath?: string;
  /**
   * Starts the backend process (the Electron shell: Electron's utilityProcess); then no `execPath`.
   * @default undefined (child_process.spawn of `execPath`)
   */
  readonly spawn?: SpawnFunction;
  /** Extra backend environment (tests point ANTHROPIC_BASE_URL / OPENAI_BASE_URL at stubs). @default {} */
  readonly backendEnv?: Readonly<Record<string, string>>;
  /** Restart policy overrides for the supervisor (tests shorten the crash-loop window). */
  readonly restart?: Readonly<Record<string, number>>;
}

/**
 * The adapters' SentinelHost, everything in Sentinel's data directory `appDir`: the backend's data
 * (run history, and the default workspace) in `<appDir>/data`, a key file per provider encoded with
 * `codec`, the workspace setting and the drafts.
 */
export function createAdapterHost(mode: 'electron' | 'browser', appDir: string, codec: SecretCodec, options: AdapterHostOptions): SentinelHost {
  if (options.spawn !== undefined && options.execPath !== undefined) {
    throw new TypeError(`createAdapterHost: options "spawn" and "execPath" exclude each other (a spawn starts the backend itself), received execPath ${JSON.stringify(options.execPath)}`);
  }
  return new SentinelHost({
    mode,
    sidecarPath: options.sidecarPath,
    ...(options.spawn === undefined ? { execPath: options.execPath ?? process.execPath } : { spawn: options.spawn }),
    dataDir: join(appDir, 'data'),
    stateDir: appDir,
    env: options.backendEnv ?? {},
    ...(options.restart ? { restart: options.restart } : {}),
    keyStores: providerKeyStores(appDir, codec),
    createSupervisor: options.createSupervisor,
    createClient: options.createClient,
  });
}
