import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { constants } from 'node:os';
import type { Readable } from 'node:stream';
import type { ChildLike, SpawnFunction } from '@sentinel/supervisor';
import type { UtilityProcessApi, UtilityProcessLike } from './electron-api.js';
import { OutputRelay } from './utility-output.js';

/** The backend's name in `app.getAppMetrics()` and the 'child-process-gone' event. */
export const BACKEND_SERVICE_NAME = 'Sentinel backend';

/** Options of {@link createUtilitySpawn}. */
export interface UtilitySpawnOptions {
  /** Name of the utility process in Electron's process metrics. @default 'Sentinel backend' */
  readonly serviceName?: string;
}

/**
 * The supervisor's `spawn` on Electron's `utilityProcess.fork`: `request.command` is the module to
 * fork (the backend bundle), `request.args` its arguments, `request.env` its whole environment;
 * stdout and stderr are piped, stdin is /dev/null (Electron allows nothing else). The child shares
 * Electron's process group; the supervisor sees that it does not lead one and never signals a group.
 * A module file that does not exist is refused at once (ENOENT: `SUP_ERR_SPAWN`, no restart loop),
 * where Electron would start a process that exits with code 1.
 */
export function createUtilitySpawn(utilityProcess: UtilityProcessApi, options: UtilitySpawnOptions = {}): SpawnFunction {
  const serviceName = options.serviceName ?? BACKEND_SERVICE_NAME;
  return (request) => {
    if (!existsSync(request.command)) throw Object.assign(new Error(`${request.command} does not exist`), { code: 'ENOENT' });
    const child = utilityProcess.fork(request.command, [...request.args], {
      env: { ...request.env },
      ...(request.cwd === undefined ? {} : { cwd: request.cwd }),
      stdio: 'pipe',
      serviceName,
    });
    return new UtilityChild(child);
  };
}

/** Signals whose default action does not end a process: never the cause of an exit. */
const NON_FATAL = new Set<NodeJS.Signals>(['SIGCONT', 'SIGSTOP', 'SIGTSTP', 'SIGTTIN', 'SIGTTOU', 'SIGCHLD', 'SIGURG', 'SIGWINCH']);

/**
 * How an exit is reported to the supervisor. Electron's 'exit' has a code only: the child's own exit
 * code, or, for a death by signal, what waitpid gave (the signal's number, +128 with a core dump).
 * An exit is reported as `(null, signal)` only when this adapter delivered that signal and the code
 * is its number; otherwise `(code, null)`. So a stop's SIGKILL reads as SIGKILL, while a SIGKILL
 * from elsewhere (the OOM killer, a user) reads as "code 9": it cannot be told from `exit(9)`.
 */
export function reportedExit(code: number, delivered: ReadonlySet<NodeJS.Signals>): { code: number | null; signal: NodeJS.Signals | null } {
  for (const signal of delivered) {
    const number = constants.signals[signal];
    if (!NON_FATAL.has(signal) && (code === number || code === (number | 0x80))) return { code: null, signal };
  }
  return { code, signal: null };
}

/**
 * A utility process as the supervisor's ChildLike. `kill(signal)` sends exactly that signal with
 * `process.kill(pid, signal)`, SIGTERM included: Electron's own `kill()` would add a SIGKILL 2 s
 * later (cutting the backend's drain and the supervisor's stop grace) and report the exit as code 0.
 * It returns false once the process has exited, so a reused pid is never signalled.
 */
class UtilityChild extends EventEmitter implements ChildLike {
  readonly stdout: Readable | null;
  readonly stderr: Readable | null;
  readonly #relays: OutputRelay[];
  readonly #delivered = new Set<NodeJS.Signals>();
  #pid: number | undefined;
  #exited = false;

  constructor(child: UtilityProcessLike) {
    super();
    // Taken at fork: Electron sets both to null after 'exit'.
    const relays = [child.stdout, child.stderr].map((source) => (source === null ? undefined : new OutputRelay(source)));
    this.stdout = relays[0]?.stream ?? null;
    this.stderr = relays[1]?.stream ?? null;
    this.#relays = relays.filter((relay) => relay !== undefined);
    child.on('spawn', () => {
      this.#pid = child.pid;
      this.emit('spawn');
    });
    child.on('exit', (code) => {
      this.#exited = true;
      for (const relay of this.#relays) relay.keepReadingAfterExit();
      const exit = reportedExit(code, this.#delivered);
      this.emit('exit', exit.code, exit.signal);
    });
    child.on('error', (type, location) => {
      // A fatal V8 error; Electron emits 'exit' after it. Reported only to a listener (never thrown).
      if (this.listenerCount('error') > 0) this.emit('error', new Error(`The backend's utility process hit a ${type} at ${location}`));
    });
  }

  /** The OS pid, known from 'spawn' on (kept after 'exit', unlike Electron's). */
  get pid(): number | undefined {
    return this.#pid;
  }

  kill(signal: NodeJS.Signals): boolean {
    if (this.#pid === undefined || this.#exited) return false;
    try {
      process.kill(this.#pid, signal);
    } catch {
      return false;
    }
    this.#delivered.add(signal);
    return true;
  }
}
