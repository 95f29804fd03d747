import { randomBytes } from 'node:crypto';
import type { SpawnFunction } from '@sentinel/supervisor';

/** How long the backend may take to become ready before the supervisor counts a failed start. @default 20000 */
export const DEFAULT_STARTUP_TIMEOUT_MS = 20_000;

/** Options for launching the backend sidecar under the supervisor. */
export interface BackendLaunchOptions {
  /** Absolute path of the bundled backend (`sentinel-backend.cjs`). */
  readonly sidecarPath: string;
  /**
   * The Node that runs the sidecar with child_process.spawn (browser mode: node). Not used with `spawn`.
   * @default process.execPath
   */
  readonly execPath?: string;
  /**
   * Starts the backend process instead of child_process.spawn: the Electron shell forks the sidecar
   * with `utilityProcess.fork` (`createUtilitySpawn`). It is given the sidecar path as
   * `request.command`, no arguments; no runtime (`execPath`) is involved.
   * @default undefined (child_process.spawn of `execPath` with the sidecar as its argument)
   */
  readonly spawn?: SpawnFunction;
  /** The backend's data directory (run history). */
  readonly dataDir: string;
  /** Extra environment for the backend, e.g. ANTHROPIC_BASE_URL or SENTINEL_ALLOWED_ORIGINS. @default {} */
  readonly env?: Readonly<Record<string, string>>;
  /** Readiness deadline per start. @default 20000 */
  readonly startupTimeoutMs?: number;
  /** Restart policy handed to the supervisor (initialDelayMs is the second restart's delay); undefined keeps the desktop defaults below. */
  readonly restart?: Readonly<Record<string, number>>;
  /** Health-probe policy handed to the supervisor. */
  readonly health?: Readonly<Record<string, number>>;
}

/**
 * Restart policy for a desktop app. The supervisor restarts the first crash of a streak at once (a
 * user is waiting); the next one waits 250 ms, growing to 5 s; more than 5 restarts in a minute is a
 * crash loop the user should see (Retry), not a hidden spin.
 */
export const DESKTOP_RESTART_POLICY = {
  initialDelayMs: 250,
  factor: 2,
  maxDelayMs: 5_000,
  jitter: 0.1,
  resetAfterMs: 30_000,
  maxRestarts: 5,
  windowMs: 60_000,
} as const;

/** Health probes: every 2 s, 1.5 s each, 3 misses in a row = hung. */
export const DESKTOP_HEALTH_POLICY = { intervalMs: 2_000, timeoutMs: 1_500, failureThreshold: 3 } as const;

/** A fresh random token for one launch; the backend requires it on every /api call. */
export function newLaunchToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What a launch adds to the backend's environment at each spawn: the keys and the workspace folder as they are then. */
export type LaunchEnvironment = () => Readonly<Record<string, string | undefined>>;

/**
 * The supervisor options (as in @sentinel/supervisor's contract) for the sidecar. `env` is a
 * function the supervisor calls at each spawn, so a restart after a new key or another workspace
 * folder starts the backend with them.
 */
export function backendSupervisorOptions(options: BackendLaunchOptions, launch: { token: string; environment: LaunchEnvironment }) {
  const env = (): Record<string, string | undefined> => ({
    ...options.env,
    // Through a spawn (utilityProcess) this is never passed on: the backend does not need it, and a
    // process of the Electron binary that sees it (fuse on) starts as plain Node, not as a utility process.
    ...(options.spawn === undefined ? {} : { ELECTRON_RUN_AS_NODE: undefined }),
    ...launch.environment(),
    HOST: '127.0.0.1',
    SENTINEL_TOKEN: launch.token,
    SENTINEL_DATA_DIR: options.dataDir,
  });
  const startupTimeoutMs = options.startupTimeoutMs ?? DEFAULT_STARTUP_TIMEOUT_MS;
  return {
    name: 'backend',
    // With a spawn the module itself is the command (the supervisor's errors then name it).
    command: options.spawn === undefined ? (options.execPath ?? process.execPath) : options.sidecarPath,
    args: options.spawn === undefined ? [options.sidecarPath] : [],
    ...(options.spawn === undefined ? {} : { spawn: options.spawn }),
    env,
    port: 'auto' as const,
    readiness: { http: '/health', timeoutMs: startupTimeoutMs, requireInstanceId: true as const },
    health: { http: '/health', ...DESKTOP_HEALTH_POLICY, ...options.health, requireInstanceId: true as const },
    restart: { ...DESKTOP_RESTART_POLICY, ...options.restart },
    stop: { signal: 'SIGTERM' as const, timeoutMs: 5_000 },
  };
}

export type BackendSupervisorOptions = ReturnType<typeof backendSupervisorOptions>;
