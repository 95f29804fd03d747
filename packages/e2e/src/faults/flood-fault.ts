import { writeFile } from 'node:fs/promises';
import type { SupervisorRecord } from '../history/types.js';
import type { FaultContext } from './fault-context.js';
import { atReady, atStarting } from './moments.js';
import { waitForDescendant } from './signals.js';
import { numberField } from '../invariants/select.js';
import { FLOOD_END_MARKER } from './flood-marker.js';

function floodText(index: number, kib: number): string {
  const line = `chaos flood line of fault ${index} ${'x'.repeat(90)}\n`;
  return `${line.repeat(Math.ceil((kib * 1024) / line.length))}${FLOOD_END_MARKER} ${index}\n`;
}

/**
 * The backend tree prints `amount` KiB of lines at once: the tree launcher's SIGUSR1 hook cats a file
 * to its stdout. The supervisor must drain it without blocking the child; recovery is when the
 * last line came through.
 */
export async function floodFault(ctx: FaultContext): Promise<void> {
  const { fault } = ctx;
  if (ctx.floodFile === undefined) {
    ctx.skip('stdout flood needs the tree launcher (Sentinel target without --no-launcher)');
    return;
  }
  await writeFile(ctx.floodFile, floodText(fault.index, fault.amount));
  const pid = fault.moment === 'ready' ? await atReady(ctx, fault.offsetMs) : await atStarting(ctx);
  // The launcher sets its SIGUSR1 trap before it forks: once it has a child, the signal is safe.
  if (!(await waitForDescendant(pid, ctx.timing.readinessTimeoutMs))) {
    ctx.skip(`launcher ${pid} never started its program`);
    return;
  }
  const marker = `${FLOOD_END_MARKER} ${fault.index}`;
  const drained = ctx.view.next((e: SupervisorRecord) => e.event === 'log' && String(e.data['line']).startsWith(marker), ctx.timing.recoveryTimeoutMs, 'the end of the flood');
  // A flooded backend that dies first (say, killed as unhealthy on a loaded machine) never prints the end: stop waiting then.
  const exited = ctx.view.next((e: SupervisorRecord) => e.event === 'exit' && numberField(e, 'pid') === pid, ctx.timing.recoveryTimeoutMs, `exit of flooded pid ${pid}`);
  ctx.inject({ pid, detail: `${fault.amount}KiB printed by the backend tree` });
  ctx.signal(pid, 'SIGUSR1', { detail: `strike: the launcher prints ${fault.amount}KiB` });
  await Promise.race([drained.promise, exited.promise]).catch(() => undefined);
  drained.cancel();
  exited.cancel();
}
