import { spawn } from 'node:child_process';
import type { ChildLike, SpawnRequest } from './types.js';

/**
 * The default spawn: no shell; stdin a pipe the supervisor holds open (it closes when the host dies);
 * stdout/stderr pipes; on POSIX its own process group (`detached`), so the tree is signalled as one.
 */
export function spawnProcess(request: SpawnRequest): ChildLike {
  const child = spawn(request.command, [...request.args], {
    cwd: request.cwd,
    env: request.env,
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: process.platform !== 'win32',
    windowsHide: true,
  });
  child.stdin?.on('error', () => {}); // EPIPE when the child exits or closes stdin: not our concern.
  return child;
}
