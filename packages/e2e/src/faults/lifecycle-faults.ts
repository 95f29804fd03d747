import { setTimeout as delay } from 'node:timers/promises';
import type { FaultContext } from './fault-context.js';
import { atBackoff, atReady, atStarting } from './moments.js';

/** stop() while the supervisor waits in backoff: stop must win (no respawn), then start() again. */
export async function stopInBackoffFault(ctx: FaultContext): Promise<void> {
  await atBackoff(ctx);
  ctx.inject({ detail: `stop() in state ${ctx.view.state}` });
  await ctx.stop();
  await ctx.start();
}

/** SIGKILL of the host process (and its Supervisor) at any moment, then a new host. */
export async function hostKillFault(ctx: FaultContext): Promise<void> {
  const { fault } = ctx;
  if (fault.moment === 'ready') await atReady(ctx, fault.offsetMs);
  if (fault.moment === 'starting') {
    await atStarting(ctx);
    await delay(fault.offsetMs);
  }
  if (fault.moment === 'backoff') await atBackoff(ctx);
  ctx.inject({ ...(ctx.view.pid === undefined ? {} : { pid: ctx.view.pid }), detail: `host ${ctx.view.host?.id} SIGKILLed in state ${ctx.view.state}` });
  await ctx.replaceHost();
}
