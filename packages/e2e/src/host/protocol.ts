/**
 * The runner <-> host protocol, over Node's IPC channel (child_process.fork). The host runs the
 * Supervisor in its own process so the chaos runner can SIGKILL it and start a new one.
 */

/** Supervisor options as JSON: a stdout readiness pattern travels as its source text. */
export interface HostSupervisorConfig {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  readonly cwd?: string;
  readonly port: 'auto' | number | false;
  readonly readiness:
    | { readonly http: string; readonly timeoutMs: number; readonly requireInstanceId: boolean }
    | { readonly tcp: true; readonly timeoutMs: number }
    | { readonly stdoutPattern: string; readonly timeoutMs: number };
  readonly health:
    | { readonly http: string; readonly intervalMs: number; readonly timeoutMs: number; readonly failureThreshold: number; readonly requireInstanceId: boolean }
    | false;
  readonly restart:
    | { readonly initialDelayMs: number; readonly factor: number; readonly maxDelayMs: number; readonly jitter: number; readonly resetAfterMs: number; readonly maxRestarts: number; readonly windowMs: number }
    | false;
  readonly stop: { readonly signal: NodeJS.Signals; readonly timeoutMs: number };
  readonly runtimeDir: string;
  /**
   * Run the backend as the 'backend' member of a SupervisorGroup, after a 'companion' member it depends
   * on (a small Node process, like a local database). Faults and invariants still target the backend.
   */
  readonly group?: boolean;
}

/** Environment variable that carries the JSON HostSupervisorConfig to the host. */
export const HOST_CONFIG_ENV = 'SENTINEL_CHAOS_HOST_CONFIG';

export type HostCommand = 'start' | 'stop' | 'snapshot';

export type RunnerToHost = { readonly type: 'command'; readonly id: number; readonly command: HostCommand };

export type HostToRunner =
  | { readonly type: 'hello'; readonly t: number; readonly pid: number }
  | { readonly type: 'event'; readonly t: number; readonly event: string; readonly data: Record<string, unknown> }
  | { readonly type: 'reply'; readonly t: number; readonly id: number; readonly ok: boolean; readonly value?: unknown; readonly error?: string }
  | { readonly type: 'fatal'; readonly t: number; readonly error: string }
  /** A process of the group's companion member (checked at the end: nothing may be left running). */
  | { readonly type: 'companion'; readonly t: number; readonly pid: number };

export function isHostToRunner(value: unknown): value is HostToRunner {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

export function isRunnerToHost(value: unknown): value is RunnerToHost {
  return (
    typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'command' &&
    typeof (value as { id?: unknown }).id === 'number'
  );
}
