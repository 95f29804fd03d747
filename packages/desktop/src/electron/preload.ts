/**
 * The preload: the only bridge between the sandboxed renderer and the main process. It exposes a
 * few named functions through contextBridge, never ipcRenderer itself. Bundled to CommonJS
 * (sandboxed preloads cannot load ES modules).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_PREFIX, type BridgeMethod, type HostEvent } from '../shared/types.js';

const call =
  (method: BridgeMethod) =>
  (...args: unknown[]): Promise<unknown> =>
    ipcRenderer.invoke(IPC_PREFIX + method, ...args);

contextBridge.exposeInMainWorld('sentinelIpc', {
  getSnapshot: call('getSnapshot'),
  saveApiKey: call('saveApiKey'),
  removeApiKey: call('removeApiKey'),
  execute: call('execute'),
  listRuns: call('listRuns'),
  getRun: call('getRun'),
  retryBackend: call('retryBackend'),
  onEvent: (listener: (event: HostEvent) => void): (() => void) => {
    const forward = (_event: IpcRendererEvent, hostEvent: HostEvent): void => listener(hostEvent);
    ipcRenderer.on(IPC_EVENT_CHANNEL, forward);
    return () => ipcRenderer.removeListener(IPC_EVENT_CHANNEL, forward);
  },
});
