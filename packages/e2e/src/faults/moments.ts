import { setTimeout as delay } from 'node:timers/promises';
import { ChaosError } from '../errors.js';
import { numberField } from '../invariants/select.js';
import type { FaultContext } from './fault-context.js';
import { signal, signalTree } from './signals.js';

/** Safety net for reaching a moment. */
const MOMENT_TIMEOUT_MS = 30_000;

function currentPid(ctx: FaultContext): number {
  const pid = ctx.view.pid;
  if (pid === undefined) throw new ChaosError('CHAOS_ERR_CONFIG', `no live backend to hit (state ${ctx.view.state})`);
  return pid;
}

/** The ready backend's pid, `offsetMs` after the fault was armed. */
export async function atReady(ctx: FaultContext, offsetMs: number): Promise<number> {
  await delay(offsetMs);
  return currentPid(ctx);
}

/** Kills the ready backend to force a restart and returns the new process's pid, just spawned. */
export async function atStarting(ctx: FaultContext): Promise<number> {
  const spawn = ctx.view.next((e) => e.event === 'spawn', MOMENT_TIMEOUT_MS, "'spawn' after a restart");
  signal(currentPid(ctx), 'SIGKILL');
  const event = await spawn.promise;
  const pid = numberField(event, 'pid');
  if (pid === undefined) throw new ChaosError('CHAOS_ERR_HOST', "'spawn' event without a pid");
  return pid;
}

/** Kills the ready backend's whole tree (freeing its port) and resolves as the supervisor enters backoff. */
export async function atBackoff(ctx: FaultContext): Promise<void> {
  const backoff = ctx.view.next((e) => e.event === 'backoff', MOMENT_TIMEOUT_MS, "'backoff' after a kill");
  signalTree(currentPid(ctx), 'SIGKILL');
  await backoff.promise;
}

/** Calls stop() and resolves once the supervisor is 'stopping', with the pid and the pending stop. */
export async function atStopping(ctx: FaultContext): Promise<{ pid: number; stopped: Promise<void> }> {
  const pid = currentPid(ctx);
  const stopping = ctx.view.next((e) => e.event === 'state' && e.data['to'] === 'stopping', MOMENT_TIMEOUT_MS, "'stopping'");
  const stopped = ctx.stop();
  await stopping.promise;
  return { pid, stopped };
}
