import { join } from 'node:path';
import type { HostSnapshot } from '../shared/types.js';
import type { WorkspaceEvent } from '../shared/workspace-bridge.js';
import type { WorkspaceSettings } from '../shared/workspace-types.js';
import type { BackendClientFactory, BackendClientLike } from './backend-client-contract.js';
import { backendSupervisorOptions, DEFAULT_STARTUP_TIMEOUT_MS, newLaunchToken, type BackendLaunchOptions, type BackendSupervisorOptions } from './backend-launch.js';
import { waitForBackend, type BackendView } from './connection-waiter.js';
import { ConnectionTracker } from './connection-tracker.js';
import { DraftStore } from './draft-store.js';
import { LogBatcher } from './log-batcher.js';
import { createBridgeHandlers, type BridgeHandlers, type HostServices } from './methods/index.js';
import { ProviderKeys, type ProviderKeyStores } from './provider-keys.js';
import { SuiteRunRelay } from './suite-run-relay.js';
import type { SupervisorLike } from './supervisor-contract.js';
import { WorkspaceFolder } from './workspace-folder.js';

export interface SentinelHostOptions extends BackendLaunchOptions {
  /** Which adapter runs the host; the renderer shows it. */
  readonly mode: 'electron' | 'browser';
  /** Where the host keeps its own state: the workspace setting (`workspace.json`) and the drafts (`drafts/`). */
  readonly stateDir: string;
  /** One store per provider key (safeStorage-encrypted in Electron, a 0600 file in browser mode): `providerKeyStores()`. */
  readonly keyStores: ProviderKeyStores;
  /** Builds the supervisor (`createDefaultSupervisor` in ./defaults.ts). */
  readonly createSupervisor: (options: BackendSupervisorOptions) => SupervisorLike;
  /** Builds the backend client (`createDefaultClient` in ./defaults.ts). */
  readonly createClient: BackendClientFactory;
  /** How long a request waits for the backend to come back (starting, reconnecting). @default 30000 */
  readonly connectWaitMs?: number;
  /** How many backend log lines the logs view keeps. @default 500 */
  readonly logCapacity?: number;
}

/**
 * The plain-Node heart of the desktop app, shared by the Electron and browser adapters: runs the
 * backend under one supervisor, keeps the provider keys, the workspace setting and the drafts,
 * turns supervisor events into UI events, relays suite-run events, and answers every bridge
 * function (`handlers`). It never supervises by itself: restarts, backoff and the crash-loop limit
 * are the supervisor's.
 */
export class SentinelHost {
  /** Every bridge function, by name (the adapters dispatch over it). */
  readonly handlers: BridgeHandlers;
  readonly #options: SentinelHostOptions;
  readonly #listeners = new Set<(event: WorkspaceEvent) => void>();
  readonly #logs: LogBatcher;
  readonly #token = newLaunchToken();
  readonly #keys: ProviderKeys;
  readonly #workspace: WorkspaceFolder;
  readonly #relay: SuiteRunRelay;
  readonly #client: BackendClientLike;
  #supervisor: SupervisorLike | undefined;
  #tracker: ConnectionTracker | undefined;
  #stopping: Promise<void> | undefined;
  /** Settings changes and Retry run one at a time, so two restarts never overlap. */
  #queue: Promise<unknown> = Promise.resolve();
  readonly #backend: BackendView = {
    supervisor: () => (this.#stopping ? undefined : this.#supervisor),
    status: () => this.#tracker?.status,
  };

  constructor(options: SentinelHostOptions) {
    for (const name of ['sidecarPath', 'dataDir', 'stateDir'] as const) {
      if (typeof options[name] !== 'string' || options[name].length === 0) {
        throw new TypeError(`SentinelHost: option "${name}" must be a non-empty path, received ${JSON.stringify(options[name])}`);
      }
    }
    if (options.mode !== 'electron' && options.mode !== 'browser') {
      throw new TypeError(`SentinelHost: option "mode" must be 'electron' or 'browser', received ${JSON.stringify(options.mode)}`);
    }
    this.#options = options;
    this.#logs = new LogBatcher(options.logCapacity ?? 500, (entries) => this.#emit({ type: 'logs', entries }));
    this.#keys = new ProviderKeys(options.keyStores);
    this.#workspace = new WorkspaceFolder(options.stateDir, options.dataDir);
    this.#client = options.createClient({
      getBaseUrl: () => this.#supervisor?.snapshot().url ?? undefined,
      token: this.#token,
      whenConnected: () => waitForBackend(this.#backend, options.connectWaitMs ?? 30_000),
    });
    this.#relay = new SuiteRunRelay({
      watch: (id, signal) => this.#client.watchSuiteRun(id, { signal }),
      emit: (event) => this.#emit({ type: 'suite-run', event }),
    });
    const services: HostServices = {
      client: this.#client,
      keys: this.#keys,
      workspace: this.#workspace,
      drafts: new DraftStore(join(options.stateDir, 'drafts')),
      relay: this.#relay,
      snapshot: () => this.getSnapshot(),
      settings: () => this.#settings(),
      retry: () => this.#retry(),
      reconfigure: (change) => this.#reconfigure(change),
    };
    this.handlers = createBridgeHandlers(services);
  }

  /** Launch the backend; resolves once it is ready or the supervisor gave up (never throws for that). */
  async start(): Promise<void> {
    const supervisor = this.#createSupervisor();
    await Promise.all([this.#keys.load(), this.#workspace.load()]);
    this.#emit({ type: 'settings', settings: this.#settings() });
    if (this.#stopping) return;
    await supervisor.start().catch((error: unknown) => this.#stopping || this.#tracker?.failIfPending(error));
  }

  /** Stop the backend and wait at most `timeoutMs`; resolves false if the bound was hit. */
  async stop(timeoutMs = 8_000): Promise<boolean> {
    this.#stopping ??= this.#teardown();
    let timer: NodeJS.Timeout | undefined;
    const bound = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    const done = await Promise.race([this.#stopping.then(() => true as const), bound]);
    clearTimeout(timer);
    this.#logs.flush();
    return done;
  }

  onEvent(listener: (event: WorkspaceEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** The backend's process id (for tests and diagnostics), or undefined when none is running. */
  backendPid(): number | undefined {
    return this.#supervisor?.snapshot().pid ?? undefined;
  }

  /** The suite runs whose events are relayed now (for tests and diagnostics). */
  watchedSuiteRuns(): string[] {
    return this.#relay.watched();
  }

  getSnapshot(): HostSnapshot {
    const connection = this.#tracker?.status ?? { phase: 'stopped' as const };
    return { connection, settings: this.#settings(), logs: this.#logs.list(), mode: this.#options.mode };
  }

  #createSupervisor(): SupervisorLike {
    const environment = () => ({ ...this.#keys.environment(), ...this.#workspace.environment() });
    const supervisor = this.#options.createSupervisor(backendSupervisorOptions(this.#options, { token: this.#token, environment }));
    this.#supervisor = supervisor;
    this.#tracker = new ConnectionTracker({
      supervisor,
      startupTimeoutMs: this.#options.startupTimeoutMs ?? DEFAULT_STARTUP_TIMEOUT_MS,
      onChange: (status) => {
        this.#emit({ type: 'connection', status });
        if (status.phase === 'connected') this.#relay.resume();
      },
    });
    supervisor.on('log', ({ stream, line, pid, time }) => this.#logs.push({ stream: stream === 'stderr' ? 'stderr' : 'stdout', line, pid, time }));
    this.#emit({ type: 'connection', status: this.#tracker.status });
    return supervisor;
  }

  #settings(): WorkspaceSettings {
    const encrypted = this.#keys.storage === 'encrypted';
    return {
      keys: this.#keys.views(),
      storage: this.#keys.storage,
      storage_label: encrypted
        ? 'Keys are stored encrypted with the system keychain'
        : 'Browser mode has no system keychain: keys are stored unencrypted in a file only you can read (mode 0600) in Sentinel’s data folder',
      workspace_dir: this.#workspace.dir,
      workspace_is_default: this.#workspace.isDefault,
    };
  }

  #serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(task, task);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** Start again after the supervisor gave up ('failed'); a no-op while it is running. */
  #retry(): Promise<void> {
    return this.#serial(async () => {
      const supervisor = this.#supervisor;
      if (!supervisor || supervisor.state !== 'failed' || this.#stopping) return;
      this.#tracker?.resetHistory();
      await supervisor.start().catch((error: unknown) => this.#stopping || this.#tracker?.failIfPending(error));
    });
  }

  /** Apply a change (a key, the workspace folder), then restart the backend so its environment has it. */
  #reconfigure(change: () => Promise<void>): Promise<WorkspaceSettings> {
    return this.#serial(async () => {
      await change();
      const settings = this.#settings();
      this.#emit({ type: 'settings', settings });
      const supervisor = this.#supervisor;
      if (supervisor && !this.#stopping) {
        this.#tracker?.resetHistory();
        // A fresh process now (the supervisor calls env() again); requests meanwhile wait for its 'ready'.
        await supervisor.restart().catch((error: unknown) => this.#stopping || this.#tracker?.failIfPending(error));
      }
      return settings;
    });
  }

  async #teardown(): Promise<void> {
    this.#relay.stopAll();
    const supervisor = this.#supervisor;
    this.#tracker?.dispose();
    this.#tracker = undefined;
    this.#emit({ type: 'connection', status: { phase: 'stopped' } });
    await supervisor?.stop();
  }

  #emit(event: WorkspaceEvent): void {
    for (const listener of this.#listeners) listener(event);
  }
}
