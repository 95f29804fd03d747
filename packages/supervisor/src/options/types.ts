import type { Logger } from 'pino';

/** Ready when `GET http://host:port<http>` answers 2xx (and, if asked, carries the instance id). */
export interface HttpCheck {
  /** Path to request, starting with '/'. */
  readonly http: string;
  /**
   * Require a JSON body whose `instance` field equals the `SUPERVISOR_INSTANCE_ID` given to this launch,
   * so that a stale server from an earlier run is never adopted.
   * @default false
   */
  readonly requireInstanceId?: boolean;
}

/** Ready when a TCP connection to host:port succeeds. */
export interface TcpCheck {
  readonly tcp: true;
}

/** Ready when a stdout line matches the pattern. */
export interface StdoutCheck {
  readonly stdout: RegExp;
}

/** How to tell that a freshly spawned backend is ready. */
export type ReadinessOptions = (HttpCheck | TcpCheck | StdoutCheck) & {
  /**
   * Startup deadline in ms from spawn to ready (separate from liveness); past it the attempt is killed
   * with reason 'startup-timeout'.
   * @default 30000
   */
  readonly timeoutMs?: number;
};

/** Periodic liveness probe once ready. Probes never overlap. */
export type HealthOptions = (HttpCheck | TcpCheck) & {
  /** Period between probe starts, in ms. @default 2000 */
  readonly intervalMs?: number;
  /** A probe slower than this fails, in ms. @default 1000 */
  readonly timeoutMs?: number;
  /** Failures in a row after which the backend counts as hung and is killed and restarted. @default 3 */
  readonly failureThreshold?: number;
};

/** Restart policy after a crash, a hang or a failed start. */
export interface RestartOptions {
  /** Delay before the first restart, in ms. @default 100 */
  readonly initialDelayMs?: number;
  /** Multiplier of the delay per consecutive failure. @default 2 */
  readonly factor?: number;
  /** Cap of the delay, in ms. @default 15000 */
  readonly maxDelayMs?: number;
  /** Random spread of each delay, as a fraction (0.1 = ±10 %). @default 0.1 */
  readonly jitter?: number;
  /** Staying ready this long (ms) resets the delay to initialDelayMs. @default 30000 */
  readonly resetAfterMs?: number;
  /** More restarts than this within windowMs end in 'failed'. @default 5 */
  readonly maxRestarts?: number;
  /** Window in which restarts are counted, in ms. @default 60000 */
  readonly windowMs?: number;
}

/** How the process tree is stopped. */
export interface StopOptions {
  /** Signal sent first (with SIGCONT, so a stopped process can handle it). @default 'SIGTERM' */
  readonly signal?: NodeJS.Signals;
  /** Grace in ms before SIGKILL. @default 5000 */
  readonly timeoutMs?: number;
}

/** Log handling. */
export interface LogOptions {
  /** Longest line kept, in bytes; the rest is dropped and the line marked `truncated`. @default 65536 */
  readonly maxLineBytes?: number;
  /** Output lines kept for the 'exit' event's `lastLines`. @default 30 */
  readonly lastLines?: number;
}

/** Options of {@link Supervisor}. */
export interface SupervisorOptions {
  /** Name of the backend, used in logs, errors and the pid file name ([A-Za-z0-9._-]). */
  readonly name: string;
  /** Executable to spawn (no shell). */
  readonly command: string;
  /** Arguments; every '{port}' is replaced by the port. @default [] */
  readonly args?: readonly string[];
  /** Variables merged over process.env (undefined removes one). PORT is set too. @default {} */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Working directory of the child. @default process.cwd() */
  readonly cwd?: string;
  /** 'auto' picks a free loopback port per launch; a number is used as is; false gives no port. @default 'auto' */
  readonly port?: 'auto' | number | false;
  /** Loopback host the backend listens on and probes go to. @default '127.0.0.1' */
  readonly host?: string;
  /** Readiness check. @default { tcp: true } with a port, required ({ stdout }) without one */
  readonly readiness?: ReadinessOptions;
  /** Liveness probe, or false. @default the readiness check when it is http or tcp, else false */
  readonly health?: HealthOptions | false;
  /** Restart policy, or false to end in 'failed' at the first unexpected exit. @default see RestartOptions */
  readonly restart?: RestartOptions | false;
  /** Stop policy. @default { signal: 'SIGTERM', timeoutMs: 5000 } */
  readonly stop?: StopOptions;
  /** Log handling. @default { maxLineBytes: 65536, lastLines: 30 } */
  readonly logs?: LogOptions;
  /** A pino logger; records go to a child with `{ service: name }`. @default undefined (prints nothing) */
  readonly logger?: Logger;
  /**
   * Directory for the pid file used to reap a stale backend left by an earlier run, or false.
   * @default $XDG_RUNTIME_DIR/sentinel-supervisor, else <os.tmpdir()>/sentinel-supervisor-<uid>
   */
  readonly runtimeDir?: string | false;
}
