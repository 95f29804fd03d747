import type { PlannedFault } from '../schedule/build-schedule.js';
import type { FaultContext } from './fault-context.js';
import { crashLoopFault, grandchildFault, hangFault, killFault, slowStartFault } from './process-faults.js';
import { portFault } from './port-faults.js';
import { floodFault } from './flood-fault.js';
import { hostKillFault, stopInBackoffFault } from './lifecycle-faults.js';

/** Injects one planned fault; resolves once it has struck (recovery is awaited by the runner). */
export function injectFault(ctx: FaultContext, fault: PlannedFault): Promise<void> {
  switch (fault.kind) {
    case 'sigkill': return killFault(ctx, fault, 'SIGKILL');
    case 'sigterm': return killFault(ctx, fault, 'SIGTERM');
    case 'hang': return hangFault(ctx, fault);
    case 'crash-loop': return crashLoopFault(ctx, fault);
    case 'port-taken':
    case 'stale-server': return portFault(ctx, fault);
    case 'stdout-flood': return floodFault(ctx, fault);
    case 'slow-start': return slowStartFault(ctx, fault);
    case 'grandchild-kill': return grandchildFault(ctx, fault);
    case 'stop-in-backoff': return stopInBackoffFault(ctx, fault);
    case 'host-kill': return hostKillFault(ctx, fault);
  }
}
