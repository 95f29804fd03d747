import type { Readable, Writable } from 'node:stream';

/** What the supervisor asks a spawn function to start. */
export interface SpawnRequest {
  /** The executable (`options.command`). */
  readonly command: string;
  /** The arguments, every '{port}' replaced. */
  readonly args: readonly string[];
  /** The complete environment: process.env, then `options.env`, then PORT and the SUPERVISOR_* variables. */
  readonly env: Readonly<Record<string, string>>;
  /** Working directory, or undefined for the host's. */
  readonly cwd: string | undefined;
}

/**
 * The process a spawn function returns. Node's ChildProcess is one; so is a thin adapter over
 * Electron's `utilityProcess.fork()`. The contract (see the README, "A pluggable spawn"):
 * - `pid` is the OS pid, set at the latest when 'spawn' is emitted (set synchronously, as Node's
 *   spawn does, the pid file is written in the same turn as the fork);
 * - 'spawn' is emitted once the process runs, or 'error' if it could not start (then nothing else);
 * - 'exit' is emitted exactly once, with the exit code, or null and the signal that ended it;
 * - `stdout`/`stderr` end when the process's output closes (or are null: no output is read);
 * - `kill(signal)` delivers exactly that signal to the process, as `process.kill(pid, signal)` does,
 *   and returns false when it could not; it is used for the root process (the stop signal, SIGCONT,
 *   SIGKILL), the rest of the tree is signalled by pid.
 */
export interface ChildLike {
  readonly pid?: number | undefined;
  readonly stdout: Readable | null;
  readonly stderr: Readable | null;
  /** Held open by the supervisor when present: the backend sees EOF on it when the host dies. */
  readonly stdin?: Writable | null;
  kill(signal: NodeJS.Signals): boolean;
  on(event: 'spawn', listener: () => void): unknown;
  on(event: 'exit', listener: (code: number | null, signal: NodeJS.Signals | null) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

/** Starts the backend process; the default is {@link spawnProcess} (child_process.spawn). */
export type SpawnFunction = (request: SpawnRequest) => ChildLike;

/** What an `env` function is told about the launch it prepares. */
export interface LaunchInfo {
  /** Spawn attempt since start(), 1 for the first. */
  readonly attempt: number;
  readonly port: number | undefined;
  readonly instanceId: string;
}

/** Variables merged over process.env (undefined removes one). */
export type EnvVars = Readonly<Record<string, string | undefined>>;
