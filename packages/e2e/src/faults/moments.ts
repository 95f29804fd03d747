import { ChaosError } from '../errors.js';
import { numberField } from '../invariants/select.js';
import { setTimeout as delay } from 'node:timers/promises';
import type { FaultContext } from './fault-context.js';

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

/** After the supervisor gave up ('failed'): start() again and wait for the backend to be ready. */
async function startAfterFailed(ctx: FaultContext): Promise<void> {
  const ready = ctx.view.next((e) => e.event === 'ready', MOMENT_TIMEOUT_MS, "'ready' after start()");
  void ctx.start();
  await ready.promise;
}

/**
 * Kills the ready backend (a recorded action of the fault) to force a restart and returns the new
 * process's pid, just spawned. If the kill spent the restart budget ('failed'), start() spawns the
 * next one instead.
 */
export async function atStarting(ctx: FaultContext): Promise<number> {
  const next = ctx.view.next((e) => e.event === 'spawn' || e.event === 'failed', MOMENT_TIMEOUT_MS, "'spawn' after a restart");
  ctx.signal(currentPid(ctx), 'SIGKILL', { detail: 'kill the ready backend to reach the starting moment' });
  let event = await next.promise;
  if (event.event === 'failed') {
    const spawn = ctx.view.next((e) => e.event === 'spawn', MOMENT_TIMEOUT_MS, "'spawn' after start()");
    void ctx.start();
    event = await spawn.promise;
  }
  const pid = numberField(event, 'pid');
  if (pid === undefined) throw new ChaosError('CHAOS_ERR_HOST', "'spawn' event without a pid");
  return pid;
}

/**
 * Kills the ready backend's whole tree (freeing its port; recorded actions of the fault) and
 * resolves as the supervisor enters a backoff that waits. The first crash of a streak is restarted
 * at once (delay 0): then the replacement is killed too as soon as it is spawned, and the second
 * restart of the streak waits initialDelayMs.
 */
export async function atBackoff(ctx: FaultContext): Promise<void> {
  for (let attempt = 1; attempt <= 3; attempt++) {
    let target = currentPid(ctx);
    for (let kill = 1; kill <= 2; kill++) {
      const next = ctx.view.next((e) => e.event === 'backoff' || e.event === 'failed', MOMENT_TIMEOUT_MS, "'backoff' after a kill");
      const respawned = ctx.view.next((e) => e.event === 'spawn' || e.event === 'failed', MOMENT_TIMEOUT_MS, "'spawn' after an immediate restart");
      try {
        ctx.signal(target, 'SIGKILL', { tree: true, detail: `kill the backend tree to reach a backoff that waits (kill ${kill}, try ${attempt})` });
        const event = await next.promise;
        if (event.event === 'failed') break;
        if ((numberField(event, 'delayMs') ?? 0) > 0 || kill === 2) return;
        const spawn = await respawned.promise;
        const pid = numberField(spawn, 'pid');
        if (spawn.event === 'failed' || pid === undefined) break;
        target = pid;
      } finally {
        respawned.cancel();
      }
    }
    await startAfterFailed(ctx);
  }
  throw new ChaosError('CHAOS_ERR_TIMEOUT', 'the supervisor gave up instead of backing off 3 times in a row');
}

/** Calls stop() and resolves once the supervisor is 'stopping', with the pid and the pending stop. */
export async function atStopping(ctx: FaultContext): Promise<{ pid: number; stopped: Promise<void> }> {
  const pid = currentPid(ctx);
  const stopping = ctx.view.next((e) => e.event === 'state' && e.data['to'] === 'stopping', MOMENT_TIMEOUT_MS, "'stopping'");
  const stopped = ctx.stop();
  await stopping.promise;
  return { pid, stopped };
}
