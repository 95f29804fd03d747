import type { CheckedConfig, History, HistoryEvent, SupervisorRecord } from '../../src/history/types.js';

export const CONFIG: CheckedConfig = {
  restart: { initialDelayMs: 100, factor: 2, maxDelayMs: 400, jitter: 0.1, resetAfterMs: 30_000, maxRestarts: 2, windowMs: 10_000 },
  health: { intervalMs: 200, timeoutMs: 100, failureThreshold: 2 },
  readinessTimeoutMs: 2_000,
  stopTimeoutMs: 500,
  hostDeathBoundMs: 1_000,
  toleranceMs: 100,
  journalBoundMs: 300,
};

export function sup(t: number, event: SupervisorRecord['event'], data: Record<string, unknown> = {}, host = 1): SupervisorRecord {
  return { type: 'sup', t, host, event, data };
}

export function state(t: number, from: string, to: string, host = 1): SupervisorRecord {
  return sup(t, 'state', { from, to }, host);
}

/** A clean life: start, ready, a crash (a recorded SIGKILL), an immediate restart (the first of a streak), ready again, stop, nothing left. */
export function healthyLife(): HistoryEvent[] {
  return [
    { type: 'host', t: 0, host: 1, phase: 'spawned', pid: 50 },
    { type: 'command', t: 1, host: 1, command: 'start', phase: 'sent' },
    state(2, 'idle', 'starting'),
    sup(3, 'spawn', { pid: 100, attempt: 1 }),
    { type: 'proc', t: 4, trees: [{ root: 100, host: 1, pids: [100] }] },
    sup(50, 'ready', { pid: 100, port: 4000, url: 'http://127.0.0.1:4000', attempt: 1 }),
    state(50, 'starting', 'ready'),
    { type: 'command', t: 51, host: 1, command: 'start', phase: 'resolved' },
    { type: 'client', t: 80, op: 'execute', startedAt: 60, endedAt: 80, deadlineMs: 1000, outcome: 'ok', runId: 'run-1' },
    { type: 'fault', t: 100, index: 1, kind: 'sigkill', moment: 'ready', phase: 'inject', host: 1, pid: 100 },
    { type: 'fault-action', t: 100, index: 1, kind: 'sigkill', host: 1, action: 'signal', signal: 'SIGKILL', pid: 100, root: 100, hit: [100], detail: 'strike' },
    sup(101, 'exit', { pid: 100, code: null, signal: 'SIGKILL', reason: 'crash' }),
    { type: 'proc', t: 102, trees: [] },
    state(101, 'ready', 'backoff'),
    sup(101, 'backoff', { attempt: 2, delayMs: 0 }),
    state(103, 'backoff', 'starting'),
    sup(103, 'spawn', { pid: 101, attempt: 2 }),
    { type: 'proc', t: 208, trees: [{ root: 101, host: 1, pids: [101] }] },
    sup(260, 'ready', { pid: 101, port: 4001, url: 'http://127.0.0.1:4001', attempt: 2 }),
    state(260, 'starting', 'ready'),
    { type: 'fault', t: 261, index: 1, kind: 'sigkill', moment: 'ready', phase: 'end', host: 1, recoveredAt: 260 },
    { type: 'audit', t: 300, runIds: ['run-1'] },
    { type: 'command', t: 310, host: 1, command: 'stop', phase: 'sent' },
    state(310, 'ready', 'stopping'),
    sup(320, 'exit', { pid: 101, code: 0, signal: null, reason: 'stopped' }),
    state(321, 'stopping', 'stopped'),
    { type: 'proc', t: 322, trees: [] },
    { type: 'command', t: 323, host: 1, command: 'stop', phase: 'resolved' },
    { type: 'leftovers', t: 400, pids: [] },
  ];
}

export function history(events: HistoryEvent[], config: CheckedConfig = CONFIG): History {
  const sorted = [...events].sort((a, b) => a.t - b.t);
  return { seed: 42, startedAt: 0, endedAt: 1_000, config, events: sorted };
}

/** healthyLife with `replace` applied: events matching `drop` removed, `add` appended. */
export function variant(drop: (e: HistoryEvent) => boolean, add: HistoryEvent[] = []): History {
  return history([...healthyLife().filter((e) => !drop(e)), ...add]);
}
