import type { HostEvent, HostSnapshot, RunPage, RunRecord, SettingsView } from '../shared/types.js';
import { backendSupervisorOptions, DEFAULT_STARTUP_TIMEOUT_MS, newLaunchToken, type BackendLaunchOptions, type BackendSupervisorOptions } from './backend-launch.js';
import type { BackendClientFactory, BackendClientLike } from './backend-client-contract.js';
import { ConnectionTracker } from './connection-tracker.js';
import { DESKTOP_ERROR_CODES, DesktopError } from './errors.js';
import { LogBatcher } from './log-batcher.js';
import { settingsView } from './settings-view.js';
import type { SecretStore } from './secret-store.js';
import type { SupervisorLike } from './supervisor-contract.js';
import { validateApiKey, validateListOptions, validateRunId, validateTestSpec } from './validate.js';
import { waitForBackend, type BackendView } from './connection-waiter.js';

export interface SentinelHostOptions extends BackendLaunchOptions {
  /** Which adapter runs the host; the renderer shows it. */
  readonly mode: 'electron' | 'browser';
  /** Where the API key lives (safeStorage-encrypted in Electron, a 0600 file in browser mode). */
  readonly secretStore: SecretStore;
  /** Builds the supervisor for one launch (`createDefaultSupervisor` in ./defaults.ts). */
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
 * backend under the supervisor, keeps the API key, turns supervisor events into UI events and
 * answers the bridge's named functions. It never supervises by itself.
 */
export class SentinelHost {
  readonly #options: SentinelHostOptions;
  readonly #listeners = new Set<(event: HostEvent) => void>();
  readonly #logs: LogBatcher;
  readonly #token = newLaunchToken();
  #supervisor: SupervisorLike | undefined;
  #tracker: ConnectionTracker | undefined;
  #client: BackendClientLike | undefined;
  #settings: SettingsView;
  #stopping: Promise<void> | undefined;
  /** Set while a new key relaunches the backend: requests waiting meanwhile keep waiting. */
  #relaunching: Promise<void> | undefined;
  /** What waiting requests look at (the current supervisor is replaced by a relaunch). */
  readonly #backend: BackendView = {
    supervisor: () => (this.#stopping ? undefined : this.#supervisor),
    relaunching: () => (this.#stopping ? undefined : this.#relaunching),
    status: () => this.#tracker?.status,
  };
  /** Key changes and Retry run one at a time, so two relaunches never overlap. */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(options: SentinelHostOptions) {
    for (const name of ['sidecarPath', 'dataDir'] as const) {
      if (typeof options[name] !== 'string' || options[name].length === 0) {
        throw new TypeError(`SentinelHost: option "${name}" must be a non-empty path, received ${JSON.stringify(options[name])}`);
      }
    }
    if (options.mode !== 'electron' && options.mode !== 'browser') {
      throw new TypeError(`SentinelHost: option "mode" must be 'electron' or 'browser', received ${JSON.stringify(options.mode)}`);
    }
    this.#options = options;
    this.#logs = new LogBatcher(options.logCapacity ?? 500, (entries) => this.#emit({ type: 'logs', entries }));
    this.#settings = settingsView(options.secretStore, undefined);
  }

  /** Launch the backend; resolves once it is ready or the supervisor gave up (never throws for that). */
  async start(): Promise<void> {
    const apiKey = await this.#options.secretStore.read().catch(() => undefined);
    this.#updateSettings(apiKey);
    await this.#launch(apiKey);
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

  onEvent(listener: (event: HostEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** The backend's process id (for tests and diagnostics), or undefined when none is running. */
  backendPid(): number | undefined {
    return this.#supervisor?.snapshot().pid ?? undefined;
  }

  getSnapshot(): HostSnapshot {
    const connection = this.#tracker?.status ?? { phase: 'stopped' as const };
    return { connection, settings: this.#settings, logs: this.#logs.list(), mode: this.#options.mode };
  }

  async saveApiKey(key: unknown): Promise<SettingsView> {
    const apiKey = validateApiKey(key);
    return this.#serial(async () => {
      await this.#options.secretStore.write(apiKey);
      this.#updateSettings(apiKey);
      await this.#relaunch(apiKey);
      return this.#settings;
    });
  }

  async removeApiKey(): Promise<SettingsView> {
    return this.#serial(async () => {
      await this.#options.secretStore.remove();
      this.#updateSettings(undefined);
      await this.#relaunch(undefined);
      return this.#settings;
    });
  }

  async execute(spec: unknown): Promise<RunRecord> {
    const valid = validateTestSpec(spec);
    await waitForBackend(this.#backend, this.#connectWaitMs());
    return this.#requireClient().execute(valid);
  }

  async listRuns(options?: unknown): Promise<RunPage> {
    return this.#requireClient().listRuns(validateListOptions(options));
  }

  async getRun(id: unknown): Promise<RunRecord> {
    return this.#requireClient().getRun(validateRunId(id));
  }

  /** Start again after the supervisor gave up ('failed'); a no-op while it is running. */
  async retryBackend(): Promise<void> {
    return this.#serial(async () => {
      const supervisor = this.#supervisor;
      if (!supervisor || supervisor.state !== 'failed' || this.#stopping) return;
      this.#tracker?.resetHistory();
      const tracker = this.#tracker;
      await supervisor.start().catch((error: unknown) => {
        if (!this.#stopping && this.#tracker === tracker) tracker?.failIfPending(error);
      });
    });
  }

  #serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(task, task);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #launch(apiKey: string | undefined): Promise<void> {
    if (this.#stopping) return; // quitting wins over a relaunch in progress
    const options = backendSupervisorOptions(this.#options, { token: this.#token, apiKey });
    const supervisor = this.#options.createSupervisor(options);
    this.#supervisor = supervisor;
    this.#tracker = new ConnectionTracker({
      supervisor,
      startupTimeoutMs: this.#options.startupTimeoutMs ?? DEFAULT_STARTUP_TIMEOUT_MS,
      onChange: (status) => this.#emit({ type: 'connection', status }),
    });
    supervisor.on('log', ({ stream, line, pid, time }) => this.#logs.push({ stream: stream === 'stderr' ? 'stderr' : 'stdout', line, pid, time }));
    this.#client = this.#options.createClient({
      getBaseUrl: () => supervisor.snapshot().url ?? undefined,
      token: this.#token,
      whenConnected: () => waitForBackend(this.#backend, this.#connectWaitMs()),
    });
    const tracker = this.#tracker;
    this.#emit({ type: 'connection', status: tracker.status });
    await supervisor.start().catch((error: unknown) => {
      if (!this.#stopping && this.#tracker === tracker) tracker.failIfPending(error);
    });
  }

  /** Restart the backend with a new environment (a new key); requests waiting meanwhile keep waiting. */
  async #relaunch(apiKey: string | undefined): Promise<void> {
    const supervisor = this.#supervisor;
    this.#tracker?.dispose();
    this.#tracker = undefined;
    const timeoutMs = this.#options.startupTimeoutMs ?? DEFAULT_STARTUP_TIMEOUT_MS;
    this.#emit({ type: 'connection', status: { phase: 'starting', attempt: 1, elapsedMs: 0, timeoutMs, slow: false, afterCrash: false } });
    const relaunch = (async () => {
      await supervisor?.stop();
      // The new supervisor takes the waiting requests as soon as it exists (its whenReady waits through starting).
      const launched = this.#launch(apiKey);
      this.#relaunching = undefined;
      await launched;
    })();
    this.#relaunching = relaunch.catch(() => undefined);
    await relaunch;
  }

  async #teardown(): Promise<void> {
    const supervisor = this.#supervisor;
    this.#tracker?.dispose();
    this.#tracker = undefined;
    this.#emit({ type: 'connection', status: { phase: 'stopped' } });
    await supervisor?.stop();
  }

  #connectWaitMs(): number {
    return this.#options.connectWaitMs ?? 30_000;
  }

  #requireClient(): BackendClientLike {
    if (!this.#client) throw new DesktopError(DESKTOP_ERROR_CODES.BACKEND_UNAVAILABLE, 'The backend is not running');
    return this.#client;
  }

  #updateSettings(apiKey: string | undefined): void {
    this.#settings = settingsView(this.#options.secretStore, apiKey);
    this.#emit({ type: 'settings', settings: this.#settings });
  }

  #emit(event: HostEvent): void {
    for (const listener of this.#listeners) listener(event);
  }
}
