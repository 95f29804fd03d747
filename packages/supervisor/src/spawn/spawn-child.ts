import { spawn, type ChildProcess } from 'node:child_process';
import { ENV_INSTANCE_ID, ENV_PARENT_PID, ENV_PORT } from '../child/launch-context.js';
import { SupervisorError } from '../errors.js';

export const PORT_PLACEHOLDER = '{port}';

export interface SpawnRequest {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string | undefined;
  readonly port: number | undefined;
  readonly instanceId: string;
  /**
   * Called synchronously as soon as the OS gave the child a pid, before any await: the pid file is
   * written here, so a host killed right after the spawn still leaves a record for the next start().
   */
  readonly onForked?: (pid: number) => void;
}

/** Replaces every '{port}' in the arguments. */
export function substitutePort(args: readonly string[], port: number | undefined): string[] {
  return port === undefined ? [...args] : args.map((arg) => arg.split(PORT_PLACEHOLDER).join(String(port)));
}

/** process.env, then the configured env (undefined deletes), then PORT and the supervisor's variables. */
export function buildChildEnv(overrides: SpawnRequest['env'], port: number | undefined, instanceId: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  if (port !== undefined) env[ENV_PORT] = String(port);
  env[ENV_INSTANCE_ID] = instanceId;
  env[ENV_PARENT_PID] = String(process.pid);
  return env;
}

/**
 * Spawns the child: no shell, stdin a pipe we hold open (it closes when we die), stdout/stderr pipes,
 * its own process group on POSIX (so the tree can be signalled as one). Resolves once the OS has
 * started it; an ENOENT/EACCES/bad cwd rejects with SUP_ERR_SPAWN.
 */
export function spawnChild(request: SpawnRequest): Promise<ChildProcess & { pid: number }> {
  return new Promise((resolve, reject) => {
    let child: ChildProcess;
    try {
      child = spawn(request.command, substitutePort(request.args, request.port), {
        cwd: request.cwd,
        env: buildChildEnv(request.env, request.port, request.instanceId),
        stdio: ['pipe', 'pipe', 'pipe'],
        detached: process.platform !== 'win32',
        windowsHide: true,
      });
    } catch (cause) {
      reject(spawnError(request, cause));
      return;
    }
    if (child.pid !== undefined) request.onForked?.(child.pid);
    child.stdin?.on('error', () => {}); // EPIPE when the child exits or closes stdin: not our concern.
    child.once('error', (cause) => reject(spawnError(request, cause)));
    child.once('spawn', () => resolve(child as ChildProcess & { pid: number }));
  });
}

function spawnError(request: SpawnRequest, cause: unknown): SupervisorError {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code ?? 'unknown error';
  const where = request.cwd === undefined ? '' : ` in ${request.cwd}`;
  return new SupervisorError('SUP_ERR_SPAWN', request.name, `${request.command}${where} (${code})`, { cause });
}
