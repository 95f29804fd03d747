import { defaultProcessTable, type ProcessTable } from '../proc/index.js';
import { killTreePosix, KILL_WAIT_MS, type KillTreeResult } from './kill-tree.js';
import { killTreeWindows } from './kill-tree-windows.js';
import type { Member, TreeLeader } from './tree-members.js';

export type { KillTreeResult } from './kill-tree.js';
export type { Member, TreeLeader } from './tree-members.js';

export interface StopTreeOptions {
  readonly leader: TreeLeader;
  readonly signal: NodeJS.Signals;
  readonly timeoutMs: number;
  readonly known?: ReadonlyMap<number, Member>;
  readonly extraPids?: () => readonly number[];
  readonly signalLeader?: (signal: NodeJS.Signals) => void;
  readonly table?: ProcessTable;
  readonly onEscalate?: (survivors: readonly number[]) => void;
}

/** Stops the whole tree led by `leader` on this platform; resolves when it is gone. */
export function stopTree(options: StopTreeOptions): Promise<KillTreeResult> {
  if (process.platform === 'win32') return killTreeWindows(options.leader.pid, options.timeoutMs + KILL_WAIT_MS);
  return killTreePosix({ ...options, table: options.table ?? defaultProcessTable() });
}
