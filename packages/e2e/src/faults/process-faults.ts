import { setTimeout as delay } from 'node:timers/promises';
import { numberField } from '../invariants/select.js';
import { now } from '../history/clock.js';
import { hangBoundMs } from '../invariants/hang-detection.js';
import type { FaultContext } from './fault-context.js';
import { atReady, atStarting, atStopping } from './moments.js';
import { descendants, waitForDescendant } from './signals.js';

/** The pid to hit at the fault's moment ('ready' or 'starting'). */
async function target(ctx: FaultContext): Promise<number> {
  if (ctx.fault.moment === 'ready') return atReady(ctx, ctx.fault.offsetMs);
  const pid = await atStarting(ctx);
  await delay(ctx.fault.offsetMs);
  return pid;
}

/** SIGKILL or SIGTERM of the backend, while starting, ready or stopping. */
export async function killFault(ctx: FaultContext, sig: 'SIGKILL' | 'SIGTERM'): Promise<void> {
  if (ctx.fault.moment === 'stopping') {
    const { pid, stopped } = await atStopping(ctx);
    ctx.inject({ pid, detail: `${sig} during stop()` });
    ctx.signal(pid, sig, { detail: 'strike during stop()' });
    await stopped;
    await ctx.start();
    return;
  }
  const pid = await target(ctx);
  ctx.inject({ pid });
  ctx.signal(pid, sig, { detail: 'strike' });
}

/** SIGSTOP of the whole tree for longer than the health (or startup) bound; SIGCONT once it was replaced. */
export async function hangFault(ctx: FaultContext): Promise<void> {
  const pid = await target(ctx);
  const exited = ctx.view.next((e) => e.event === 'exit' && numberField(e, 'pid') === pid, 3 * hangBoundMs(ctx.checkedConfig, ctx.fault.moment), `exit of hung pid ${pid}`);
  ctx.inject({ pid, detail: 'SIGSTOP of the whole tree' });
  ctx.signal(pid, 'SIGSTOP', { tree: true, detail: 'strike: freeze the tree' });
  try {
    await exited.promise;
  } catch {
    // Not detected: the hang-detected-in-bound checker reports it; let the process go on.
  } finally {
    ctx.signal(pid, 'SIGCONT', { tree: true, detail: 'resume what is left of the frozen tree' });
  }
}

/** The backend dies before ready `count` times in a row. */
export async function crashLoopFault(ctx: FaultContext): Promise<void> {
  const { count } = ctx.fault;
  let pid = await atStarting(ctx);
  ctx.inject({ pid, detail: `${count} starts killed before ready` });
  for (let round = 1; ; round++) {
    const next = ctx.view.next((e) => e.event === 'spawn' || e.event === 'failed' || e.event === 'ready', ctx.timing.recoveryTimeoutMs, "'spawn' in a crash loop");
    ctx.signal(pid, 'SIGKILL', { detail: `crash loop: start ${round} of ${count} killed before ready` });
    if (round >= count) {
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
export async function slowStartFault(ctx: FaultContext): Promise<void> {
  const pid = await atStarting(ctx);
  const holdMs = Math.round((ctx.fault.amount / 100) * ctx.timing.readinessTimeoutMs);
  ctx.inject({ pid, detail: `start frozen ${holdMs}ms` });
  ctx.signal(pid, 'SIGSTOP', { tree: true, detail: `strike: freeze the start for ${holdMs}ms` });
  await delay(holdMs);
  ctx.signal(pid, 'SIGCONT', { tree: true, detail: 'resume the frozen start' });
}

/** SIGKILL of a grandchild of the supervisor (a descendant of the backend process). */
export async function grandchildFault(ctx: FaultContext): Promise<void> {
  const pid = await target(ctx);
  await waitForDescendant(pid, ctx.timing.readinessTimeoutMs);
  const victim = descendants(pid).at(-1);
  if (victim === undefined) {
    ctx.skip(`backend ${pid} has no descendant`);
    return;
  }
  ctx.inject({ pid: victim, detail: `grandchild of backend ${pid}` });
  ctx.signal(victim, 'SIGKILL', { root: pid, detail: `strike: a descendant of backend ${pid}` });
}

/** How long answer-kill waits for a suite case to be answered before it gives up (skipped). */
const ANSWER_WAIT_MS = 15_000;

/**
 * SIGKILL of the backend `amount` ms (0-30) after the stub answered a suite case: the crash lands
 * just before or just after that answer is journaled, or after it is recorded; the narrowest
 * window of the exactly-once promise.
 */
export async function answerKillFault(ctx: FaultContext): Promise<void> {
  if (ctx.nextSuiteAnswer === undefined) {
    ctx.skip('needs the client\'s suite runs (Sentinel target, suites on)');
    return;
  }
  const answer = await ctx.nextSuiteAnswer(ANSWER_WAIT_MS);
  if (answer === undefined) {
    ctx.skip(`no suite case was answered within ${ANSWER_WAIT_MS}ms`);
    return;
  }
  await delay(Math.max(0, answer.at + ctx.fault.amount - now()));
  const pid = ctx.view.pid;
  if (pid === undefined) {
    ctx.skip(`the backend that got call-${answer.call}'s answer is already gone`);
    return;
  }
  ctx.inject({ pid, detail: `SIGKILL of the tree ${ctx.fault.amount}ms after the stub answered call-${answer.call}` });
  // The whole tree: under the launcher, the server that holds the answer is the root's child.
  ctx.signal(pid, 'SIGKILL', { tree: true, detail: `strike: ${ctx.fault.amount}ms after the stub answered call-${answer.call}` });
}
