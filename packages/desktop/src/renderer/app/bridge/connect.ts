import type { WorkspaceBridge, WorkspaceError, WorkspaceEvent, WorkspaceMethod } from '../../../shared/workspace-bridge.js';
import { connectBridge } from '../../bridge-client.js';
import { createWorkspaceBridge, type BridgeTransport } from './create-bridge.js';

/** The host's code for a function it does not serve (host/errors.ts UNKNOWN_METHOD; not imported: that module is Node-side). */
const UNKNOWN_METHOD = 'DESKTOP_ERR_UNKNOWN_METHOD';

type Envelope = { value: unknown } | { error: WorkspaceError };
type IpcFunctions = Partial<Record<WorkspaceMethod, (...args: unknown[]) => Promise<Envelope>>> & {
  onEvent(listener: (event: WorkspaceEvent) => void): () => void;
};

/** An Error carrying the bridge error's code and details (what `toUiError` reads). */
function callError(body: WorkspaceError): Error {
  return Object.assign(new Error(body.message), { code: body.code, status: body.status, details: body.details ?? {} });
}

function notWired(method: string): Error {
  return callError({
    code: UNKNOWN_METHOD,
    message: `This Sentinel host does not offer "${method}" yet: the workspace needs a newer host.`,
  });
}

/** Electron (and the renderer tests' fake preload): the preload's named functions, each answering an envelope. */
function ipcTransport(ipc: IpcFunctions): BridgeTransport {
  return {
    call: async (method, args) => {
      const fn = ipc[method];
      if (!fn) throw notWired(method);
      const envelope = await fn(...args);
      if ('error' in envelope) throw callError(envelope.error);
      return envelope.value;
    },
    onEvent: (listener) => ipc.onEvent(listener),
  };
}

/** Browser mode before the host serves the workspace functions: only the core calls exist. */
function coreTransport(): BridgeTransport {
  const core = connectBridge();
  return {
    call: async (method) => {
      if (method === 'getSnapshot') return core.getSnapshot();
      if (method === 'retryBackend') return core.retryBackend();
      throw notWired(method);
    },
    onEvent: (listener) => core.onEvent(listener),
  };
}

/**
 * Phase-1 glue: the workspace bridge over the preload's functions when present (Electron, tests),
 * else over browser mode's core bridge. Phase 2 replaces this file with
 * `createWorkspaceBridge(<bridge-client's transport>)`.
 */
export function connectWorkspaceBridge(): WorkspaceBridge {
  const ipc = (window as unknown as { sentinelIpc?: IpcFunctions }).sentinelIpc;
  return createWorkspaceBridge(ipc ? ipcTransport(ipc) : coreTransport());
}
