import { describe, expect, it } from 'vitest';
import { describeExit } from '../src/host/connection-tracker.js';
import { notificationFor } from '../src/shared/notifications.js';
import type { ConnectionStatus } from '../src/shared/types.js';

const connected: ConnectionStatus = { phase: 'connected', reconnected: false, startupMs: 300 };
const reconnected: ConnectionStatus = { phase: 'connected', reconnected: true, startupMs: 300 };
const reconnecting: ConnectionStatus = { phase: 'reconnecting', attempt: 2, delayMs: 250, reason: 'the backend was killed by SIGKILL', lastLines: [] };
const starting: ConnectionStatus = { phase: 'starting', attempt: 2, elapsedMs: 0, timeoutMs: 20_000, slow: false, afterCrash: true };
const failed: ConnectionStatus = { phase: 'failed', reason: '5 restarts did not help', restarts: 5, lastLines: ['boom'] };

describe('notificationFor: one OS notification per outage, its recovery and a final failure', () => {
  it.each([
    { name: 'first start', previous: undefined, next: connected, title: undefined },
    { name: 'crash after being connected', previous: connected, next: reconnecting, title: 'Sentinel backend stopped' },
    { name: 'crash loop keeps reconnecting', previous: starting, next: reconnecting, title: undefined },
    { name: 'back again', previous: starting, next: reconnected, title: 'Sentinel reconnected' },
    { name: 'gave up', previous: reconnecting, next: failed, title: 'Sentinel backend failed' },
    { name: 'still failed', previous: failed, next: failed, title: undefined },
  ])('$name', ({ previous, next, title }) => {
    expect(notificationFor(previous, next)?.title).toBe(title);
  });
});

describe('describeExit', () => {
  it.each([
    [{ reason: 'crash', code: null, signal: 'SIGKILL' }, 'the backend was killed by SIGKILL'],
    [{ reason: 'crash', code: 3, signal: null }, 'the backend exited with code 3'],
    [{ reason: 'unhealthy', code: null, signal: 'SIGKILL' }, 'the backend stopped answering health checks'],
    [{ reason: 'startup-timeout', code: null, signal: 'SIGTERM' }, 'the backend did not become ready in time'],
  ] as const)('%j', (exit, text) => {
    expect(describeExit({ pid: 1, uptimeMs: 1, lastLines: [], time: 0, ...exit })).toBe(text);
  });
});
