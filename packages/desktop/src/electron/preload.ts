/**
 * The preload: the only bridge between the sandboxed renderer and the main process. It exposes the
 * bridge's named functions (every name of WORKSPACE_BRIDGE_METHODS, each its own IPC channel) and
 * onEvent through contextBridge, never ipcRenderer itself. Bundled to CommonJS (sandboxed preloads
 * cannot load ES modules).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_PREFIX } from '../shared/types.js';
import { WORKSPACE_BRIDGE_METHODS, type WorkspaceEvent } from '../shared/workspace-bridge.js';

const api: Record<string, unknown> = {
  onEvent: (listener: (event: WorkspaceEvent) => void): (() => void) => {
    const forward = (_event: IpcRendererEvent, hostEvent: WorkspaceEvent): void => listener(hostEvent);
    ipcRenderer.on(IPC_EVENT_CHANNEL, forward);
    return () => ipcRenderer.removeListener(IPC_EVENT_CHANNEL, forward);
  },
};
for (const method of WORKSPACE_BRIDGE_METHODS) {
  api[method] = (...args: unknown[]): Promise<unknown> => ipcRenderer.invoke(IPC_PREFIX + method, ...args);
}

contextBridge.exposeInMainWorld('sentinelIpc', api);
