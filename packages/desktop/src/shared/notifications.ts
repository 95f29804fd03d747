import type { ConnectionStatus } from './types.js';

export interface NoticeText {
  readonly title: string;
  readonly body: string;
}

/**
 * The OS notification (if any) for a connection change: the first reconnect of an outage, the
 * reconnection, and a final failure. Browser-safe; used by Electron main and the browser renderer.
 */
export function notificationFor(previous: ConnectionStatus | undefined, next: ConnectionStatus): NoticeText | undefined {
  const before = previous?.phase;
  if (next.phase === 'reconnecting' && before !== 'reconnecting' && before !== 'starting') {
    return { title: 'Sentinel backend stopped', body: `${capitalise(next.reason)}. Reconnecting…` };
  }
  if (next.phase === 'connected' && next.reconnected && before !== 'connected') {
    return { title: 'Sentinel reconnected', body: 'The backend is running again.' };
  }
  if (next.phase === 'failed' && before !== 'failed') {
    return { title: 'Sentinel backend failed', body: `${capitalise(next.reason)}. Open Sentinel and press Retry.` };
  }
  return undefined;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
