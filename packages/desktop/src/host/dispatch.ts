import { BRIDGE_METHODS, type BridgeMethod } from '../shared/types.js';
import { DESKTOP_ERROR_CODES, DesktopError } from './errors.js';
import type { SentinelHost } from './host.js';

export function isBridgeMethod(name: unknown): name is BridgeMethod {
  return typeof name === 'string' && (BRIDGE_METHODS as readonly string[]).includes(name);
}

/**
 * Call one named bridge function on the host with arguments that came from the renderer.
 * Only the names in BRIDGE_METHODS are reachable; each validates its own arguments.
 */
export async function dispatchBridgeCall(host: SentinelHost, method: unknown, args: readonly unknown[]): Promise<unknown> {
  if (!isBridgeMethod(method)) {
    throw new DesktopError(DESKTOP_ERROR_CODES.UNKNOWN_METHOD, `Unknown bridge function ${JSON.stringify(String(method).slice(0, 40))}`);
  }
  switch (method) {
    case 'getSnapshot':
      return host.getSnapshot();
    case 'saveApiKey':
      return host.saveApiKey(args[0]);
    case 'removeApiKey':
      return host.removeApiKey();
    case 'execute':
      return host.execute(args[0]);
    case 'listRuns':
      return host.listRuns(args[0]);
    case 'getRun':
      return host.getRun(args[0]);
    case 'retryBackend':
      return host.retryBackend();
  }
}
