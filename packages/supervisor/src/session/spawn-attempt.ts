import { randomUUID } from 'node:crypto';
import { stopOnHostExit } from '../orphans/host-death.js';
import type { ReadinessWatch } from '../readiness/wait-ready.js';
import { BackendRun } from '../run/backend-run.js';
import { buildChildEnv, envForLaunch, substitutePort } from '../spawn/child-env.js';
import { sendWithContinue } from '../stop/signal.js';
import type { SessionHost } from './session-host.js';

/** A spawned run, and how to let go of the host-exit hook once its tree is gone. */
export interface SpawnedAttempt {
  readonly run: BackendRun;
  readonly releaseHostHook: () => void;
}

/**
 * Resolves the port, builds the environment (calling `env()` if it is a function), spawns the
 * backend, records it in the pid file in the turn of the fork and registers it for host-exit cleanup.
 * Rejects with a SupervisorError (port, env, spawn).
 */
export async function spawnAttempt(host: SessionHost, attempt: number, readiness: ReadinessWatch): Promise<SpawnedAttempt> {
  const { config } = host;
  const port = await host.ports.next();
  const instanceId = randomUUID();
  const vars = envForLaunch(config.name, config.spawn.env, { attempt, port, instanceId });
  const request = { command: config.spawn.command, args: substitutePort(config.spawn.args, port), env: buildChildEnv(vars, port, instanceId), cwd: config.spawn.cwd };
  let run: BackendRun | undefined;
  let releaseHostHook: (() => void) | undefined;
  // Registered in the turn of the fork (with the pid file), so a host killed right after still ends the child.
  const hookHost = (pid: number): void => {
    if (!config.stopOnHostExit || releaseHostHook !== undefined) return;
    releaseHostHook = stopOnHostExit({ stopSignal: config.stop.signal, signalTree: (signal) => (run === undefined ? sendWithContinue(pid, signal) : run.tree.signalNow(signal)) });
  };
  const launch = BackendRun.launch({
    name: config.name,
    spawn: config.spawn.spawn,
    request,
    port,
    instanceId,
    attempt,
    logs: config.logs,
    logger: host.log,
    cgroup: config.cgroup,
    onRecorded: (pid, startTime, cgroup) => {
      host.pids.record({ pid, startTime, instanceId, command: config.spawn.command, cgroup });
      hookHost(pid);
    },
    onLine: (entry) => {
      readiness.notifyLine(entry.stream, entry.line);
      if (host.listens('log')) host.emit('log', entry);
    },
    onWarning: (message, error) => host.log?.warn({ err: error }, message),
  });
  try {
    run = await launch;
  } catch (error) {
    releaseHostHook?.();
    throw error;
  }
  hookHost(run.pid);
  return { run, releaseHostHook: releaseHostHook ?? (() => {}) };
}
