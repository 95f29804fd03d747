import { describe, expect, it } from 'vitest';
import { canTransition, type SupervisorState } from '../src/index.js';
import { fixture, NODE } from './helpers/fixtures.js';
import { next, supervise, transitions } from './helpers/harness.js';
import { isProcessGone } from './helpers/proc.js';

/** A small seeded generator (mulberry32), so that a failing sequence can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const ACTIONS = ['kill-ready', 'kill-starting', 'stop', 'start', 'stop-during-backoff'] as const;

describe('chaos: random faults against the invariants', () => {
  it.each([1, 2, 3])('seed %i: legal transitions, one exit per spawn, nothing left', async (seed) => {
    const rand = random(seed);
    const { sup, history } = supervise({ command: NODE, args: [fixture('node-server.mjs')], readiness: { http: '/health', requireInstanceId: true }, restart: { initialDelayMs: 5, maxDelayMs: 20, maxRestarts: 1_000 } });
    await sup.start();
    for (let step = 0; step < 8; step++) {
      const action = ACTIONS[Math.floor(rand() * ACTIONS.length)];
      if (action === 'kill-ready') {
        if (sup.state !== 'ready') await sup.start();
        const ready = next(sup, 'ready');
        process.kill(sup.snapshot().pid as number, 'SIGKILL');
        await ready;
      } else if (action === 'kill-starting') {
        await sup.stop();
        const spawned = next(sup, 'spawn');
        const started = sup.start();
        process.kill((await spawned).pid, 'SIGKILL');
        await started;
      } else if (action === 'stop') {
        await sup.stop();
      } else if (action === 'start') {
        await sup.start();
      } else {
        if (sup.state !== 'ready') await sup.start();
        const backoff = next(sup, 'backoff');
        process.kill(sup.snapshot().pid as number, 'SIGKILL');
        await backoff;
        await sup.stop();
      }
    }
    await sup.stop();
    for (const move of transitions(history)) {
      const [from, to] = move.split('->') as [SupervisorState, SupervisorState];
      expect(canTransition(from, to), move).toBe(true);
    }
    const spawned = history.filter((r) => r.event === 'spawn').map((r) => (r.payload as { pid: number }).pid);
    const exited = history.filter((r) => r.event === 'exit').map((r) => (r.payload as { pid: number }).pid);
    expect([...exited].sort()).toEqual([...spawned].sort());
    expect(spawned.filter((pid) => !isProcessGone(pid))).toEqual([]);
    expect(sup.state).toBe('stopped');
  });
});
