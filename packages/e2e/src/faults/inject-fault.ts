import type { FaultContext } from './fault-context.js';
import { answerKillFault, crashLoopFault, grandchildFault, hangFault, killFault, slowStartFault } from './process-faults.js';
import { portFault } from './port-faults.js';
import { floodFault } from './flood-fault.js';
import { hostKillFault, stopInBackoffFault } from './lifecycle-faults.js';

/** Injects the context's fault; resolves once it has struck (recovery is awaited by the runner). */
export function injectFault(ctx: FaultContext): Promise<void> {
  switch (ctx.fault.kind) {
    case 'sigkill': return killFault(ctx, 'SIGKILL');
    case 'sigterm': return killFault(ctx, 'SIGTERM');
    case 'hang': return hangFault(ctx);
    case 'crash-loop': return crashLoopFault(ctx);
    case 'port-taken':
    case 'stale-server': return portFault(ctx);
    case 'stdout-flood': return floodFault(ctx);
    case 'slow-start': return slowStartFault(ctx);
    case 'grandchild-kill': return grandchildFault(ctx);
    case 'stop-in-backoff': return stopInBackoffFault(ctx);
    case 'host-kill': return hostKillFault(ctx);
    case 'answer-kill': return answerKillFault(ctx);
  }
}
