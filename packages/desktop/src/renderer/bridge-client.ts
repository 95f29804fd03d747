import { DESKTOP_ERROR_CODES } from '../shared/error-codes.js';
import type { BridgeErrorBody } from '../shared/types.js';
import type { WorkspaceBridge, WorkspaceEvent, WorkspaceMethod } from '../shared/workspace-bridge.js';
import { createWorkspaceBridge, type BridgeTransport } from './app/bridge/create-bridge.js';
import { BridgeCallError } from './transport/bridge-call-error.js';
import { httpTransport } from './transport/http-bridge.js';

export { BridgeCallError };

type Envelope = { value: unknown } | { error: BridgeErrorBody };
/** What the Electron preload exposes as `window.sentinelIpc`: each bridge function answering an envelope. */
type IpcFunctions = Partial<Record<WorkspaceMethod, (...args: unknown[]) => Promise<Envelope>>> & {
  onEvent(listener: (event: WorkspaceEvent) => void): () => void;
};

/** Electron (and the renderer tests' fake preload): the preload's named functions, their envelopes unwrapped. */
function ipcTransport(ipc: IpcFunctions): BridgeTransport {
  return {
    call: async (method, args) => {
      const fn = ipc[method];
      if (!fn) throw new BridgeCallError({ code: DESKTOP_ERROR_CODES.UNKNOWN_METHOD, message: `This Sentinel host does not offer "${method}"` });
      const envelope = await fn(...args);
      if ('error' in envelope) throw new BridgeCallError(envelope.error);
      return envelope.value;
    },
    onEvent: (listener) => ipc.onEvent(listener),
  };
}

/**
 * The workspace bridge, the same object in both modes: over the preload's functions in Electron
 * (window.sentinelIpc), over HTTP with the page secret in browser mode (see transport/). A failure
 * rejects with a BridgeCallError (code, status, details).
 */
export function connectBridge(): WorkspaceBridge {
  const ipc = (window as unknown as { sentinelIpc?: IpcFunctions }).sentinelIpc;
  return createWorkspaceBridge(ipc ? ipcTransport(ipc) : httpTransport());
}
