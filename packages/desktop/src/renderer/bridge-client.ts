import type { BridgeErrorBody, BridgeMethod, HostEvent, SentinelBridge } from '../shared/types.js';

/** An error from a bridge call, with the host's code (e.g. NO_API_KEY, DESKTOP_ERR_RUN_INTERRUPTED). */
export class BridgeCallError extends Error {
  override readonly name = 'BridgeCallError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

type Envelope = { value: unknown } | { error: BridgeErrorBody };
type IpcBridge = Record<BridgeMethod, (...args: unknown[]) => Promise<Envelope>> & {
  onEvent(listener: (event: HostEvent) => void): () => void;
};

function unwrap(envelope: Envelope): unknown {
  if ('error' in envelope) throw new BridgeCallError(envelope.error.code, envelope.error.message);
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

/** Browser mode: named functions over POST /bridge/<name>, events over Server-Sent Events. */
function httpBridge(): SentinelBridge {
  const call = async (method: BridgeMethod, args: unknown[]): Promise<unknown> => {
    let response: Response;
    try {
      response = await fetch(`/bridge/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ args }),
        credentials: 'same-origin',
      });
    } catch {
      throw new BridgeCallError('DESKTOP_ERR_HOST_UNREACHABLE', 'Sentinel itself is not running any more. Start it again with npm start.');
    }
    return unwrap((await response.json()) as Envelope);
  };
  const onEvent = (listener: (event: HostEvent) => void): (() => void) => {
    const source = new EventSource('/bridge/events');
    source.onmessage = (message) => listener(JSON.parse(String(message.data)) as HostEvent);
    // The Sentinel process itself went away (Ctrl-C, crash): say so instead of showing a stale state.
    source.onerror = () => listener({ type: 'connection', status: { phase: 'stopped' } });
    return () => source.close();
  };
  return build(call, onEvent);
}

/** Electron: the preload's named functions (window.sentinelIpc); browser mode otherwise. */
export function connectBridge(): SentinelBridge {
  const ipc = (window as unknown as { sentinelIpc?: IpcBridge }).sentinelIpc;
  if (!ipc) return httpBridge();
  return build(async (method, args) => unwrap(await ipc[method](...args)), (listener) => ipc.onEvent(listener));
}
