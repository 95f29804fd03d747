import { DESKTOP_ERROR_CODES } from '../../../shared/error-codes.js';
import type { BridgeMethod } from '../../../shared/types.js';
import type { WorkspaceBridge, WorkspaceError, WorkspaceEvent, WorkspaceMethod } from '../../../shared/workspace-bridge.js';
import { BridgeCallError } from '../../transport/bridge-call-error.js';
import { httpTransport } from '../../transport/http-bridge.js';
import { createWorkspaceBridge, type BridgeTransport } from './create-bridge.js';

type Envelope = { value: unknown } | { error: WorkspaceError };
type IpcFunctions = Partial<Record<WorkspaceMethod, (...args: unknown[]) => Promise<Envelope>>> & {
  onEvent(listener: (event: WorkspaceEvent) => void): () => void;
};

/** Electron (and the renderer tests' fake preload): the preload's named functions, each answering an envelope. */
function ipcTransport(ipc: IpcFunctions): BridgeTransport {
  return {
    call: async (method, args) => {
      const fn = ipc[method];
      if (!fn) throw new BridgeCallError({ code: DESKTOP_ERROR_CODES.UNKNOWN_METHOD, message: `This Sentinel host does not offer "${method}" yet: the workspace needs a newer host.` });
      const envelope = await fn(...args);
      if ('error' in envelope) throw new BridgeCallError(envelope.error);
      return envelope.value;
    },
    onEvent: (listener) => ipc.onEvent(listener),
  };
}

/**
 * Browser mode: POST /bridge/<name> with the page secret, for every workspace name (the host
 * answers DESKTOP_ERR_UNKNOWN_METHOD for a name it does not serve yet).
 */
function browserTransport(): BridgeTransport {
  const http = httpTransport();
  return {
    // The HTTP transport is typed with the host's current names; the path is just the name.
    call: (method, args) => http.call(method as BridgeMethod, [...args]),
    onEvent: (listener) => http.onEvent(listener),
  };
}

/**
 * Phase-1 glue: the workspace bridge over the preload's functions when present (Electron, tests),
 * else over browser mode's HTTP transport. Phase 2 moves this choice into bridge-client.ts
 * (`connectBridge()` returning `createWorkspaceBridge(...)`) and deletes this file.
 */
export function connectWorkspaceBridge(): WorkspaceBridge {
  const ipc = (window as unknown as { sentinelIpc?: IpcFunctions }).sentinelIpc;
  return createWorkspaceBridge(ipc ? ipcTransport(ipc) : browserTransport());
}
