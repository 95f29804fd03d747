import { isWorkspaceMethod } from '../shared/workspace-bridge.js';
import { DESKTOP_ERROR_CODES, DesktopError } from './errors.js';
import type { BridgeHandlers } from './methods/index.js';

/**
 * Call one bridge function with arguments that came from the renderer: a lookup in the host's
 * handler table (only the names of WORKSPACE_BRIDGE_METHODS are reachable; each validates its own
 * arguments). The Electron IPC handlers and browser mode's routes both call this.
 */
export async function dispatchBridgeCall(handlers: BridgeHandlers, method: unknown, args: readonly unknown[]): Promise<unknown> {
  if (!isWorkspaceMethod(method)) {
    throw new DesktopError(DESKTOP_ERROR_CODES.UNKNOWN_METHOD, `Unknown bridge function ${JSON.stringify(String(method).slice(0, 40))}`);
  }
  return handlers[method](...args);
}
