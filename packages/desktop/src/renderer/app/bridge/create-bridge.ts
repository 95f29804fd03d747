import { WORKSPACE_BRIDGE_METHODS, type WorkspaceBridge, type WorkspaceEvent, type WorkspaceMethod } from '../../../shared/workspace-bridge.js';

/** How calls and events travel (Electron IPC, browser-mode HTTP, or a test's fake preload). */
export interface BridgeTransport {
  call(method: WorkspaceMethod, args: readonly unknown[]): Promise<unknown>;
  onEvent(listener: (event: WorkspaceEvent) => void): () => void;
}

/** Trailing `undefined` arguments are left out: JSON would turn them into `null`. */
function trimmed(args: readonly unknown[]): unknown[] {
  const out = [...args];
  while (out.length > 0 && out[out.length - 1] === undefined) out.pop();
  return out;
}

/** The typed bridge over any transport, built from the method table (no hand-written list to forget a name in). */
export function createWorkspaceBridge(transport: BridgeTransport): WorkspaceBridge {
  const bridge: Record<string, unknown> = { onEvent: (listener: (event: WorkspaceEvent) => void) => transport.onEvent(listener) };
  for (const method of WORKSPACE_BRIDGE_METHODS) {
    bridge[method] = (...args: unknown[]) => transport.call(method, trimmed(args));
  }
  return bridge as unknown as WorkspaceBridge;
}
