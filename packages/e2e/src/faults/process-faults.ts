import { setTimeout as delay } from 'node:timers/promises';
import { numberField } from '../invariants/select.js';
import { hangBoundMs } from '../invariants/hang-detection.js';
import type { PlannedFault } from '../schedule/build-schedule.js';
import type { FaultContext } from './fault-context.js';
import { atReady, atStarting, atStopping } from './moments.js';
import { descendants, signal, signalTree, waitForDescendant } from './signals.js';

/** The pid to hit at the fault's moment ('ready' or 'starting'). */
async function target(ctx: FaultContext, fault: PlannedFault): Promise<number> {
  if (fault.moment === 'ready') return atReady(ctx, fault.offsetMs);
  const pid = await atStarting(ctx);
  await delay(fault.offsetMs);
  return pid;
}

/** SIGKILL or SIGTERM of the backend, while starting, ready or stopping. */
export async function killFault(ctx: FaultContext, fault: PlannedFault, sig: 'SIGKILL' | 'SIGTERM'): Promise<void> {
  if (fault.moment === 'stopping') {
    const { pid, stopped } = await atStopping(ctx);
    ctx.inject(fault, { pid, detail: `${sig} during stop()` });
    signal(pid, sig);
    await stopped;
    await ctx.start();
    return;
  }
  const pid = await target(ctx, fault);
  ctx.inject(fault, { pid });
  signal(pid, sig);
}

/** SIGSTOP of the whole tree for longer than the health (or startup) bound; SIGCONT once it was replaced. */
export async function hangFault(ctx: FaultContext, fault: PlannedFault): Promise<void> {
  const pid = await target(ctx, fault);
  const exited = ctx.view.next((e) => e.event === 'exit' && numberField(e, 'pid') === pid, 3 * hangBoundMs(ctx.checkedConfig, fault.moment), `exit of hung pid ${pid}`);
  ctx.inject(fault, { pid, detail: `SIGSTOP ${signalTree(pid, 'SIGSTOP').join(',')}` });
  try {
    await exited.promise;
  } catch {
    // Not detected: the hang-detected-in-bound checker reports it; let the process go on.
  } finally {
    signalTree(pid, 'SIGCONT');
  }
}

/** The backend dies before ready `count` times in a row. */
export async function crashLoopFault(ctx: FaultContext, fault: PlannedFault): Promise<void> {
  let pid = await atStarting(ctx);
  ctx.inject(fault, { pid, detail: `${fault.count} starts killed before ready` });
  for (let round = 1; ; round++) {
    const next = ctx.view.next((e) => e.event === 'spawn' || e.event === 'failed' || e.event === 'ready', ctx.timing.recoveryTimeoutMs, "'spawn' in a crash loop");
    signal(pid, 'SIGKILL');
    if (round >= fault.count) {
      next.cancel();
      return;
    }
    const event = await next.promise.catch(() => undefined);
    const spawned = event?.event === 'spawn' ? numberField(event, 'pid') : undefined;
    if (spawned === undefined) return;
    pid = spawned;
  }
}

/** The start is frozen (whole tree SIGSTOPped) for `amount`% of the startup deadline, then resumed. */
export async function slowStartFault(ctx: FaultContext, fault: PlannedFault): Promise<void> {
  const pid = await atStarting(ctx);
  const frozen = signalTree(pid, 'SIGSTOP');
  const holdMs = Math.round((fault.amount / 100) * ctx.timing.readinessTimeoutMs);
  ctx.inject(fault, { pid, detail: `start frozen ${holdMs}ms (${frozen.join(',')})` });
  await delay(holdMs);
  signalTree(pid, 'SIGCONT');
}

/** SIGKILL of a grandchild of the supervisor (a descendant of the backend process). */
export async function grandchildFault(ctx: FaultContext, fault: PlannedFault): Promise<void> {
  const pid = await target(ctx, fault);
  await waitForDescendant(pid, ctx.timing.readinessTimeoutMs);
  const victim = descendants(pid).at(-1);
  if (victim === undefined) {
    ctx.skip(fault, `backend ${pid} has no descendant`);
    return;
  }
  ctx.inject(fault, { pid: victim, detail: `grandchild of backend ${pid}` });
  signal(victim, 'SIGKILL');
}
