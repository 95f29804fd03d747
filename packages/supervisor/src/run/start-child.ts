import { SupervisorError } from '../errors.js';
import type { ChildLike, SpawnFunction, SpawnRequest } from '../spawn/types.js';

/** A child that is running, with its pid, and the promise of its 'exit'. */
export interface StartedChild {
  readonly child: ChildLike;
  readonly pid: number;
  readonly exit: Promise<{ code: number | null; signal: NodeJS.Signals | null; time: number }>;
}

/**
 * Calls the spawn function and waits for 'spawn' (or 'error': SUP_ERR_SPAWN). `onPid` runs as soon
 * as the pid is known: synchronously in the turn of the fork when the child has it at once (Node's
 * spawn), else at 'spawn'. The 'exit' listener is attached before anything else can happen.
 */
export function startChild(name: string, spawn: SpawnFunction, request: SpawnRequest, onPid: (pid: number) => void, onLateError: (error: Error) => void): Promise<StartedChild> {
  return new Promise((resolve, reject) => {
    let child: ChildLike;
    try {
      child = spawn(request);
    } catch (cause) {
      reject(spawnError(name, request, cause));
      return;
    }
    let started = false;
    const exit = new Promise<StartedChild['exit'] extends Promise<infer T> ? T : never>((resolveExit) => {
      child.on('exit', (code, signal) => {
        resolveExit({ code: code ?? null, signal: signal ?? null, time: Date.now() });
        // A child that ends without ever reporting 'spawn' (an adapter may do that) never started.
        if (!started) reject(new SupervisorError('SUP_ERR_SPAWN', name, `${request.command} ended before it started (code ${String(code)}, signal ${String(signal)})`));
      });
    });
    let pidSeen = child.pid;
    if (pidSeen !== undefined) onPid(pidSeen);
    child.on('error', (cause) => {
      if (started) onLateError(cause);
      else reject(spawnError(name, request, cause));
    });
    child.on('spawn', () => {
      if (started) return;
      started = true;
      if (pidSeen === undefined && child.pid !== undefined) onPid((pidSeen = child.pid));
      if (pidSeen === undefined) reject(new SupervisorError('SUP_ERR_SPAWN', name, `${request.command}: the spawned child has no pid`));
      else resolve({ child, pid: pidSeen, exit });
    });
  });
}

function spawnError(name: string, request: SpawnRequest, cause: unknown): SupervisorError {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code ?? (cause instanceof Error ? cause.message : 'unknown error');
  const where = request.cwd === undefined ? '' : ` in ${request.cwd}`;
  return new SupervisorError('SUP_ERR_SPAWN', name, `${request.command}${where} (${code})`, { cause });
}
