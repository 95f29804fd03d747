import type { SentinelHost } from '../../src/host/host.js';
import type { WorkspaceEvent as HostEvent } from '../../src/shared/workspace-bridge.js';

/** Resolves with the first host event that matches (bounded, so a missing event fails the test). */
export function waitForHostEvent(host: SentinelHost, predicate: (event: HostEvent) => boolean, timeoutMs = 60_000): Promise<HostEvent> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => (stop(), reject(new Error('the expected host event did not come'))), timeoutMs);
    const stop = host.onEvent((event) => {
      if (!predicate(event)) return;
      clearTimeout(timer);
      stop();
      resolve(event);
    });
  });
}

export const isConnected = (event: HostEvent): boolean => event.type === 'connection' && event.status.phase === 'connected';
export const isReconnecting = (event: HostEvent): boolean => event.type === 'connection' && event.status.phase === 'reconnecting';
export const isReconnected = (event: HostEvent): boolean => event.type === 'connection' && event.status.phase === 'connected' && event.status.reconnected;
