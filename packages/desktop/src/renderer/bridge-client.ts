import type { BridgeErrorBody, BridgeMethod, HostEvent, SentinelBridge } from '../shared/types.js';
import { BridgeCallError } from './transport/bridge-call-error.js';
import { httpTransport } from './transport/http-bridge.js';

export { BridgeCallError };

type Envelope = { value: unknown } | { error: BridgeErrorBody };
type IpcBridge = Record<BridgeMethod, (...args: unknown[]) => Promise<Envelope>> & {
  onEvent(listener: (event: HostEvent) => void): () => void;
};

function unwrap(envelope: Envelope): unknown {
  if ('error' in envelope) throw new BridgeCallError(envelope.error);
  return envelope.value;
}

function build(call: (method: BridgeMethod, args: unknown[]) => Promise<unknown>, onEvent: SentinelBridge['onEvent']): SentinelBridge {
  return {
    getSnapshot: () => call('getSnapshot', []) as ReturnType<SentinelBridge['getSnapshot']>,
    saveApiKey: (key) => call('saveApiKey', [key]) as ReturnType<SentinelBridge['saveApiKey']>,
    removeApiKey: () => call('removeApiKey', []) as ReturnType<SentinelBridge['removeApiKey']>,
    execute: (spec) => call('execute', [spec]) as ReturnType<SentinelBridge['execute']>,
    listRuns: (options) => call('listRuns', [options ?? {}]) as ReturnType<SentinelBridge['listRuns']>,
    getRun: (id) => call('getRun', [id]) as ReturnType<SentinelBridge['getRun']>,
    retryBackend: async () => void (await call('retryBackend', [])),
    onEvent,
  };
}

/**
 * Electron: the preload's named functions (window.sentinelIpc). Browser mode otherwise: HTTP with
 * the page secret (see transport/). Either way a failure is a BridgeCallError with code, status and
 * details.
 */
export function connectBridge(): SentinelBridge {
  const ipc = (window as unknown as { sentinelIpc?: IpcBridge }).sentinelIpc;
  if (ipc) return build(async (method, args) => unwrap(await ipc[method](...args)), (listener) => ipc.onEvent(listener));
  const http = httpTransport();
  return build(http.call, http.onEvent);
}
