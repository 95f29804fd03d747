import { pino } from 'pino';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { canTransition, TRANSITIONS, type SupervisorState } from '../src/index.js';
import { fixture, NODE } from './helpers/fixtures.js';
import { next, supervise, transitions } from './helpers/harness.js';

describe('events', () => {
  it('a listener that throws does not break the supervisor; other listeners still run; it is reported', async () => {
    const logged: string[] = [];
    const logger = pino(new Writable({ write: (chunk: Buffer, _e, done) => (logged.push(chunk.toString()), done()) }));
    const { sup } = supervise({ command: NODE, args: [fixture('node-server.mjs')], logger, restart: { initialDelayMs: 5 } });
    const seen: string[] = [];
    const reported: string[] = [];
    sup.on('ready', () => {
      throw new Error('listener bug');
    });
    sup.on('ready', () => seen.push('second ready listener'));
    sup.on('state', () => {
      throw new Error('state listener bug');
    });
    sup.on('listener-error', ({ event }) => reported.push(event));
    const { pid } = await sup.start();
    expect(seen).toEqual(['second ready listener']);
    expect(reported).toContain('ready');
    expect(reported).toContain('state');
    expect(logged.some((l) => l.includes('listener bug'))).toBe(true);
    const again = next(sup, 'ready');
    process.kill(pid, 'SIGKILL');
    await again;
    expect(sup.state).toBe('ready');
  });

  it('a ready listener that calls stop() wins: start() rejects SUP_ERR_ABORTED and everything stops', async () => {
    const { sup, history } = supervise({ command: NODE, args: [fixture('node-server.mjs')] });
    const stopped = new Promise<void>((resolve) => sup.once('ready', () => void sup.stop().then(resolve)));
    const error = await sup.start().catch((e: unknown) => e);
    await stopped;
    expect(error).toMatchObject({ code: 'SUP_ERR_ABORTED' });
    expect(sup.state).toBe('stopped');
    expect(transitions(history).slice(-2)).toEqual(['ready->stopping', 'stopping->stopped']);
  });

  it("a 'backoff' state listener that calls stop() cancels the respawn", async () => {
    const { sup, history } = supervise({ command: NODE, args: [fixture('node-server.mjs')], restart: { initialDelayMs: 5 } });
    const { pid } = await sup.start();
    const stopped = new Promise<void>((resolve) => sup.on('state', ({ to }) => to === 'backoff' && void sup.stop().then(resolve)));
    process.kill(pid, 'SIGKILL');
    await stopped;
    expect(sup.state).toBe('stopped');
    expect(history.filter((r) => r.event === 'spawn')).toHaveLength(1);
    expect(history.some((r) => r.event === 'backoff')).toBe(false);
  });

  it("a 'failed' listener can start() again at once", async () => {
    const { sup } = supervise({ command: NODE, args: [fixture('node-server.mjs')], restart: false });
    const { pid } = await sup.start();
    const again = new Promise<number>((resolve) => sup.once('failed', () => void sup.start().then((r) => resolve(r.pid))));
    process.kill(pid, 'SIGKILL');
    expect(await again).not.toBe(pid);
    expect(sup.state).toBe('ready');
  });

  it('once() listeners run once', async () => {
    const { sup } = supervise({ command: NODE, args: [fixture('node-server.mjs')] });
    let count = 0;
    sup.once('state', () => (count += 1));
    await sup.start();
    expect(count).toBe(1);
  });

  it('every recorded transition of a crash, hang and stop history is legal', async () => {
    const { sup, history } = supervise({ command: NODE, args: [fixture('node-server.mjs')], health: { http: '/health', intervalMs: 50, timeoutMs: 100, failureThreshold: 2 }, restart: { initialDelayMs: 5 } });
    const first = await sup.start();
    const readyAgain = next(sup, 'ready');
    process.kill(first.pid, 'SIGKILL');
    const second = await readyAgain;
    const readyThird = next(sup, 'ready');
    process.kill(second.pid, 'SIGSTOP');
    await readyThird;
    await sup.stop();
    const moves = transitions(history);
    expect(moves.length).toBeGreaterThan(8);
    for (const move of moves) {
      const [from, to] = move.split('->') as [SupervisorState, SupervisorState];
      expect(canTransition(from, to), move).toBe(true);
    }
    expect(moves.at(-1)).toBe(`stopping->stopped`);
  });

  it('the transition table is closed: every target is a state', () => {
    const states = Object.keys(TRANSITIONS);
    for (const targets of Object.values(TRANSITIONS)) for (const t of targets) expect(states).toContain(t);
  });
});
