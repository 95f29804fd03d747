import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { expect, it } from 'vitest';
import { IPC_EVENT_CHANNEL } from '../src/shared/types.js';
import { WORKSPACE_BRIDGE_METHODS } from '../src/shared/workspace-bridge.js';

// The built preload (dist/electron/preload.cjs) run in a bare context the way a sandboxed preload
// is: `require` can only give 'electron', whose contextBridge and ipcRenderer are fakes.
const preloadPath = resolve(import.meta.dirname, '..', 'dist', 'electron', 'preload.cjs');

function loadPreload() {
  const exposed = new Map<string, Record<string, (...args: unknown[]) => unknown>>();
  const invoked: Array<{ channel: string; args: unknown[] }> = [];
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: Record<string, (...args: unknown[]) => unknown>) => exposed.set(key, api) },
    ipcRenderer: {
      invoke: async (channel: string, ...args: unknown[]) => (invoked.push({ channel, args }), { value: 'ok' }),
      on: (channel: string, listener: (...args: unknown[]) => void) => listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener)),
      removeListener: (channel: string, listener: (...args: unknown[]) => void) => listeners.get(channel)?.delete(listener),
    },
  };
  const require = (id: string) => {
    if (id !== 'electron') throw new Error(`a sandboxed preload cannot require ${id}`);
    return electron;
  };
  return { exposed, invoked, listeners, run: async () => runInNewContext(await readFile(preloadPath, 'utf8'), { require, module: { exports: {} }, exports: {} }) };
}

it('exposes every bridge function of the table and onEvent, never ipcRenderer itself', async () => {
  const preload = loadPreload();
  await preload.run();
  expect([...preload.exposed.keys()]).toEqual(['sentinelIpc']);
  const api = preload.exposed.get('sentinelIpc')!;
  expect(Object.keys(api).sort()).toEqual([...WORKSPACE_BRIDGE_METHODS, 'onEvent'].sort());
  expect(WORKSPACE_BRIDGE_METHODS.length).toBeGreaterThanOrEqual(40);
  expect(Object.values(api).every((value) => typeof value === 'function')).toBe(true);
});

it('forwards each call to its own IPC channel and events to the listener until unsubscribed', async () => {
  const preload = loadPreload();
  await preload.run();
  const api = preload.exposed.get('sentinelIpc')!;
  const request = { spec: { name: 'n' }, test_id: 'capital' };
  expect(await api.execute!(request)).toEqual({ value: 'ok' });
  expect(await api.updateTest!('capital', { yaml: 'name: n' }, { revision: 'r' })).toEqual({ value: 'ok' });
  expect(preload.invoked).toEqual([
    { channel: 'sentinel:execute', args: [request] },
    { channel: 'sentinel:updateTest', args: ['capital', { yaml: 'name: n' }, { revision: 'r' }] },
  ]);

  const received: unknown[] = [];
  const unsubscribe = api.onEvent!((event: unknown) => received.push(event)) as () => void;
  const [listener] = preload.listeners.get(IPC_EVENT_CHANNEL)!;
  listener!({ sender: 'ipc event object, not passed on' }, { type: 'logs', entries: [] });
  expect(received).toEqual([{ type: 'logs', entries: [] }]);
  unsubscribe();
  expect(preload.listeners.get(IPC_EVENT_CHANNEL)!.size).toBe(0);
});
