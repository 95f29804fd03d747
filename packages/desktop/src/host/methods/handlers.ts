import type { WorkspaceBridge, WorkspaceMethod } from '../../shared/workspace-bridge.js';

/**
 * The host's side of every bridge function: arguments as they came from the renderer (each
 * handler validates its own), the bridge's result type.
 */
export type BridgeHandlers = {
  readonly [K in WorkspaceMethod]: (...args: unknown[]) => Promise<Awaited<ReturnType<WorkspaceBridge[K]>>>;
};

/** A group of handlers (library, runs, suite runs, settings, drafts), all of them together making BridgeHandlers. */
export type HandlerGroup<K extends WorkspaceMethod> = Pick<BridgeHandlers, K>;
