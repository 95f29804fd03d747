import { readLaunchContext } from './launch-context.js';
import { watchParentPid, watchStdinEof } from './parent-watch.js';

/** How often the parent pid is checked. */
export const DEFAULT_PARENT_POLL_MS = 1_000;
/** How long `onParentGone` may run before the process exits anyway. */
export const DEFAULT_GONE_GRACE_MS = 3_000;

/** Options of {@link exitWithParent}. */
export interface ExitWithParentOptions {
  /**
   * Runs once when the parent is gone, before the process exits (close servers, flush logs).
   * Bounded by `graceMs`; a throw or rejection still exits (with code 1).
   * @default undefined (exit at once)
   */
  readonly onParentGone?: () => void | Promise<void>;
  /**
   * Milliseconds `onParentGone` may take before the process exits anyway.
   * @default 3000
   */
  readonly graceMs?: number;
  /**
   * Milliseconds between two checks that the parent still exists (a backstop for stdin EOF).
   * @default 1000
   */
  readonly pollIntervalMs?: number;
  /**
   * Treat end-of-file on stdin as the parent's death. Only used when stdin is a pipe.
   * @default true when `SUPERVISOR_PARENT_PID` is set (the supervisor holds stdin open), else false
   */
  readonly watchStdin?: boolean;
  /**
   * Exit code used after `onParentGone` succeeds.
   * @default 0
   */
  readonly exitCode?: number;
  /** Environment to read `SUPERVISOR_PARENT_PID` from. @default process.env */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Makes this (backend) process exit when the process that launched it goes away: stdin EOF
 * (the supervisor holds the pipe open until it dies, even by SIGKILL) or a changed parent pid.
 * Returns a disposer that stops watching. Timers are unref'd: watching never keeps the process alive.
 */
export function exitWithParent(options: ExitWithParentOptions = {}): () => void {
  const graceMs = checkMs('graceMs', options.graceMs ?? DEFAULT_GONE_GRACE_MS);
  const pollMs = checkMs('pollIntervalMs', options.pollIntervalMs ?? DEFAULT_PARENT_POLL_MS);
  if (options.onParentGone !== undefined && typeof options.onParentGone !== 'function') {
    throw new TypeError(`Option onParentGone must be a function, received ${String(options.onParentGone)}`);
  }
  const { parentPid } = readLaunchContext(options.env ?? process.env);
  const watchStdin = options.watchStdin ?? parentPid !== undefined;
  let fired = false;
  const disposers: Array<() => void> = [];
  const dispose = (): void => {
    for (const d of disposers.splice(0)) d();
  };
  const onGone = (): void => {
    if (fired) return;
    fired = true;
    dispose();
    void runThenExit(options.onParentGone, graceMs, options.exitCode ?? 0);
  };
  if (watchStdin) disposers.push(watchStdinEof(onGone));
  disposers.push(watchParentPid(parentPid, pollMs, onGone));
  return dispose;
}

async function runThenExit(hook: (() => void | Promise<void>) | undefined, graceMs: number, exitCode: number): Promise<void> {
  const force = setTimeout(() => process.exit(exitCode), graceMs);
  let code = exitCode;
  try {
    await hook?.();
  } catch {
    code = 1;
  }
  clearTimeout(force);
  process.exit(code);
}

function checkMs(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) {
    throw new TypeError(`Option ${name} must be a positive number of milliseconds, received ${String(value)}`);
  }
  return value;
}
