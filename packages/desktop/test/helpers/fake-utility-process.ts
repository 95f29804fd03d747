// Electron's utilityProcess, faked with child_process.fork of the same module. It is faithful to
// where Electron differs from child_process (lib/browser/api/utility-process.ts and
// shell/browser/api/electron_api_utility_process.cc), not to child_process's conveniences:
// - fork() throws before the app is ready; stdin is always ignored (a pipe is an error);
// - `pid` is undefined until 'spawn' and again from 'exit' on; stdout/stderr are Electron's own
//   PassThrough streams, which lose every listener and become null right after 'exit';
// - 'exit' carries a code only: the child's exit code, or for a death by signal waitpid's status
//   (the signal's number), and 0 for a SIGTERM/SIGKILL death after kill();
// - kill() takes no signal: SIGTERM, then SIGKILL 2 s later if the process is still there
//   (Chromium's base::EnsureProcessTerminated); false once the process is gone;
// - the child gets no process group of its own: it shares the host's (Chromium launches utility
//   processes without a new process group), and no stdin pipe to watch for the host's death.
import { fork, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { constants } from 'node:os';
import { PassThrough } from 'node:stream';
import type { UtilityForkOptionsLike, UtilityProcessApi, UtilityProcessLike } from '../../src/electron/electron-api.js';

/** Chromium's base::EnsureProcessTerminated: the SIGKILL after kill()'s SIGTERM. */
export const ENSURE_TERMINATED_MS = 2_000;

type Stdio = 'pipe' | 'ignore' | 'inherit';
/** What Electron's fork() accepts (its ForkOptions, the part this fake honours). */
export type FakeForkOptions = Partial<Omit<UtilityForkOptionsLike, 'stdio'>> & { stdio?: Stdio | Stdio[]; execArgv?: string[] };

export interface ForkRecord {
  readonly modulePath: string;
  readonly args: readonly string[];
  readonly options: FakeForkOptions;
  readonly process: FakeUtilityProcess;
}

/** The fake module: Electron's fork() (what the shell's ElectronApi needs), and a record of each call. */
export interface FakeUtilityProcessApi extends UtilityProcessApi {
  readonly forks: ForkRecord[];
  fork(modulePath: string, args?: string[], options?: FakeForkOptions): FakeUtilityProcess;
}

/** Electron's stdio rules: a string means [ignore, x, x]; stdin other than 'ignore' is refused. */
function stdioOf(stdio: FakeForkOptions['stdio']): [Stdio, Stdio, Stdio] {
  if (stdio === undefined) return ['ignore', 'inherit', 'inherit'];
  if (typeof stdio === 'string') return ['ignore', stdio, stdio];
  if (stdio.length < 3) throw new Error('configuration missing for stdin, stdout or stderr.');
  if (stdio[0] !== 'ignore') throw new Error('stdin value other than ignore is not supported.');
  return ['ignore', stdio[1]!, stdio[2]!];
}

export class FakeUtilityProcess extends EventEmitter implements UtilityProcessLike {
  /** Calls of Electron's kill() (SIGTERM only). */
  killCalls = 0;
  /** The pid it had once spawned, kept after 'exit' (for the tests' clean-up checks; not Electron's). */
  spawnedPid: number | undefined;
  #pid: number | undefined;
  #stdout: PassThrough | null;
  #stderr: PassThrough | null;
  #killed = false;
  #terminated = false;

  constructor(modulePath: string, args: readonly string[], options: FakeForkOptions) {
    super();
    const stdio = stdioOf(options.stdio);
    this.#stdout = stdio[1] === 'pipe' ? new PassThrough() : null;
    this.#stderr = stdio[2] === 'pipe' ? new PassThrough() : null;
    const child: ChildProcess = fork(modulePath, [...args], {
      env: options.env ?? process.env,
      ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
      execArgv: options.execArgv ?? [],
      stdio: [...stdio, 'ipc'],
    });
    child.once('spawn', () => {
      this.#pid = this.spawnedPid = child.pid;
      if (this.#stdout) child.stdout?.pipe(this.#stdout);
      if (this.#stderr) child.stderr?.pipe(this.#stderr);
      this.emit('spawn');
    });
    child.once('exit', (code, signal) => this.#terminate(signal === null ? (code ?? 0) : constants.signals[signal]));
    child.once('error', () => this.#terminate(1)); // could not start: 'exit' without 'spawn'
  }

  get pid(): number | undefined {
    return this.#pid;
  }
  get stdout(): PassThrough | null {
    return this.#stdout;
  }
  get stderr(): PassThrough | null {
    return this.#stderr;
  }

  kill(): boolean {
    const pid = this.#pid;
    if (pid === undefined) return false;
    this.killCalls += 1;
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      return false;
    }
    this.#killed = true;
    setTimeout(() => {
      if (this.#terminated) return;
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, ENSURE_TERMINATED_MS).unref();
    return true;
  }

  #terminate(status: number): void {
    if (this.#terminated) return;
    this.#terminated = true;
    this.#pid = undefined; // Electron clears it before emitting 'exit'
    const code = this.#killed && (status === constants.signals.SIGTERM || status === constants.signals.SIGKILL) ? 0 : status;
    try {
      this.emit('exit', code);
    } finally {
      for (const stream of [this.#stdout, this.#stderr]) stream?.removeAllListeners();
      this.#stdout = null;
      this.#stderr = null;
    }
  }
}

/** A fake `utilityProcess` module; `isReady` is the app's ready state (fork throws before it). */
export function fakeUtilityProcess(isReady: () => boolean = () => true): FakeUtilityProcessApi {
  const forks: ForkRecord[] = [];
  return {
    forks,
    fork(modulePath: string, args: string[] = [], options: FakeForkOptions = {}): FakeUtilityProcess {
      if (!isReady()) throw new TypeError('utilityProcess cannot be created before app is ready.');
      if (!modulePath) throw new Error('Missing UtilityProcess entry script.');
      const process = new FakeUtilityProcess(modulePath, args, options);
      forks.push({ modulePath, args: [...args], options, process });
      return process;
    },
  };
}
