import type { Logger } from 'pino';
import type { HealthOptions } from '../health/options.js';
import type { LogOptions } from '../logs/options.js';
import type { MetricsOptions } from '../metrics/options.js';
import type { ReadinessOptions } from '../readiness/options.js';
import type { RestartOptions } from '../restart/options.js';
import type { EnvVars, LaunchInfo, SpawnFunction } from '../spawn/types.js';
import type { StopOptions } from '../stop/options.js';

/** Options of {@link Supervisor}. Every key is checked: an unknown one (a typo) is a TypeError. */
export interface SupervisorOptions {
  /** Name of the backend, used in logs (`service`), errors and the pid file name ([A-Za-z0-9._-]). */
  readonly name: string;
  /** Executable to spawn (no shell). */
  readonly command: string;
  /** Arguments; every '{port}' is replaced by the port (an error when `port` is false). @default [] */
  readonly args?: readonly string[];
  /**
   * Variables merged over process.env (undefined removes one); PORT and SUPERVISOR_* are set too. A
   * function is called at each spawn (for example to give every launch a fresh token).
   * @default {}
   */
  readonly env?: EnvVars | ((launch: LaunchInfo) => EnvVars);
  /** Working directory of the child. @default process.cwd() */
  readonly cwd?: string;
  /**
   * Starts the process: returns a child-like object (see {@link ChildLike}), for example over
   * Electron's utilityProcess.fork(). @default child_process.spawn in its own process group
   */
  readonly spawn?: SpawnFunction;
  /**
   * 'auto': a free loopback port, chosen at the first launch and kept for later launches (restarts
   * and start() again) while it is still free and the backend did not die of EADDRINUSE; a number:
   * used as is, it must be free before each spawn; false: no port.
   * @default 'auto'
   */
  readonly port?: 'auto' | number | false;
  /** Loopback host the backend listens on and probes go to. @default '127.0.0.1' */
  readonly host?: string;
  /** Readiness check. @default { tcp: true } with a port; required ({ stdout } or { probe }) without one */
  readonly readiness?: ReadinessOptions;
  /** Liveness probe, or false. @default the readiness check unless it is stdout (then false) */
  readonly health?: HealthOptions | false;
  /** Restart policy, or false to end in 'failed' at the first unexpected exit. @default see RestartOptions */
  readonly restart?: RestartOptions | false;
  /** Stop policy. @default { signal: 'SIGTERM', timeoutMs: 5000 } */
  readonly stop?: StopOptions;
  /** Log handling. @default { maxLineBytes: 65536, lastLines: 30, groupStackTraces: true } */
  readonly logs?: LogOptions;
  /** Memory and CPU sampling of the tree, or false. @default { intervalMs: 5000 } (no memory limit) */
  readonly metrics?: MetricsOptions | false;
  /** A pino logger; records go to a child with `{ service: name }`. @default undefined (prints nothing) */
  readonly logger?: Logger;
  /**
   * Directory for the pid file used to reap a stale backend left by an earlier run, or false.
   * @default $XDG_RUNTIME_DIR/sentinel-supervisor, else <os.tmpdir()>/sentinel-supervisor-<uid>; when
   * that one is not private to the user, $XDG_STATE_HOME (or ~/.local/state)/sentinel-supervisor
   */
  readonly runtimeDir?: string | false;
  /**
   * When the host is about to exit (process.exit(), an uncaught exception: SIGKILL to the tree) or to
   * die of SIGINT, SIGTERM, SIGHUP... it has no handler for (the stop signal to the tree), end the
   * backend's tree. The host's own handlers and exit are untouched. @default true
   */
  readonly stopOnHostExit?: boolean;
  /**
   * Put each backend tree in its own cgroup (Linux cgroup v2, where this user may create one) so that
   * a daemon that double-forks and calls setsid() is still stopped. Elsewhere a logged warning and no
   * containment. @default false
   */
  readonly cgroup?: boolean;
}
