import { createBackendClient, type BackendClient } from '../../../src/client/index.js';
import type { SuiteRunEvent } from '../../../src/contract/suite-run.js';
import { copySidecarToTempDir, listeningPort, spawnSidecar, type SidecarProcess } from '../../helpers/sidecar-process.js';

export const TOKEN = 'suite-test-token-0a1b2c3d4e';
export const ANTHROPIC_KEY = 'sk-ant-suite-sidecar-0123456789';

let bundle: Promise<string> | undefined;

/** The built sidecar copied into a temp dir, once until {@link forgetSidecarBundle} (call it when the temp dirs are removed). */
export function sidecarBundle(): Promise<string> {
  bundle ??= copySidecarToTempDir();
  return bundle;
}

/** Forgets the copied bundle (afterEach, with the temp dirs). */
export function forgetSidecarBundle(): void {
  bundle = undefined;
}

/**
 * The real sidecar bundle on one data directory, started again on the same directory after a kill,
 * with a client that follows it across restarts (its URL changes: PORT=0).
 */
export class RestartableBackend {
  readonly dataDir: string;
  readonly env: Record<string, string>;
  sidecar: SidecarProcess | undefined;
  url: string | undefined;
  #connected!: Promise<void>;
  #markConnected: () => void = () => undefined;

  constructor(dataDir: string, env: Record<string, string>) {
    this.dataDir = dataDir;
    this.env = env;
    this.#resetConnected();
  }

  #resetConnected(): void {
    this.#connected = new Promise((resolve) => (this.#markConnected = resolve));
  }

  /** Spawns the bundle and resolves once it announced its port. */
  async start(extraEnv: Record<string, string> = {}): Promise<SidecarProcess> {
    const sidecar = spawnSidecar(await sidecarBundle(), { PORT: '0', SENTINEL_TOKEN: TOKEN, SENTINEL_DATA_DIR: this.dataDir, LOG_LEVEL: 'info', ...this.env, ...extraEnv });
    this.sidecar = sidecar;
    const port = await listeningPort(sidecar);
    this.url = `http://127.0.0.1:${port}`;
    this.#markConnected();
    return sidecar;
  }

  /** Sends `signal` and resolves with the exit once the process is gone. */
  async stop(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    const sidecar = this.sidecar;
    if (sidecar === undefined) throw new Error('no backend running');
    this.url = undefined;
    this.#resetConnected();
    sidecar.child.kill(signal);
    return sidecar.exited;
  }

  client(): BackendClient {
    return createBackendClient({ getBaseUrl: () => this.url, token: TOKEN, whenConnected: () => this.#connected });
  }
}

/** Follows a suite run's events through the client, keeping them, and resolves waiters on them. */
export class EventLog {
  readonly events: Array<{ event: SuiteRunEvent; at: number }> = [];
  readonly done: Promise<void>;
  #waiters: Array<{ predicate: () => boolean; resolve: () => void }> = [];

  constructor(client: BackendClient, id: string, signal?: AbortSignal) {
    this.done = (async () => {
      for await (const event of client.watchSuiteRun(id, { ...(signal === undefined ? {} : { signal }), reconnectTimeoutMs: 30_000 })) {
        this.events.push({ event, at: performance.now() });
        this.#waiters = this.#waiters.filter((waiter) => (waiter.predicate() ? (waiter.resolve(), false) : true));
      }
    })();
    this.done.catch(() => undefined);
  }

  /** Resolves once `predicate` holds for the events seen (checked now and after each event). */
  until(predicate: (events: readonly SuiteRunEvent[]) => boolean): Promise<void> {
    const check = (): boolean => predicate(this.events.map((entry) => entry.event));
    if (check()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.#waiters.push({ predicate: check, resolve });
      this.done.then(() => (check() ? resolve() : reject(new Error('the event stream ended before the awaited events'))), reject);
    });
  }

  count(type: SuiteRunEvent['type']): number {
    return this.events.filter((entry) => entry.event.type === type).length;
  }
}
