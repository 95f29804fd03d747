import { describe, expect, it } from 'vitest';
import { SupervisorError } from '../src/index.js';
import { fixture, NODE } from './helpers/fixtures.js';
import { next, supervise, trackPids, transitions } from './helpers/harness.js';
import { isProcessGone, waitGone } from './helpers/proc.js';

/** Reads the fixture's {"grandchildren":[...],"keeper":pid} handshake from the 'log' events. */
function handshakeOf(sup: ReturnType<typeof supervise>['sup']): Promise<{ grandchildren: number[]; keeper: number }> {
  return new Promise((resolve) => {
    sup.on('log', ({ line }) => {
      if (line.startsWith('{"grandchildren"')) resolve(JSON.parse(line) as { grandchildren: number[]; keeper: number });
    });
  });
}

describe('stop', () => {
  it('stops the whole tree: grandchildren in the group, out of it (setsid), orphaned, and both at once', async () => {
    const { sup, history } = supervise({ command: NODE, args: [fixture('grandchildren.mjs')], stop: { timeoutMs: 2_000 } });
    const handshake = handshakeOf(sup);
    const { pid } = await sup.start();
    const { grandchildren, keeper } = await handshake;
    trackPids(grandchildren);
    expect(grandchildren).toHaveLength(5);
    expect(grandchildren.filter((g) => isProcessGone(g))).toEqual([]);
    // The keeper dies: its setsid'd child is now out of the group and re-parented. Only the tree
    // the supervisor remembered at 'ready' still knows it.
    process.kill(keeper, 'SIGKILL');
    await waitGone([keeper]);
    await sup.stop();
    expect([pid, ...grandchildren].filter((p) => !isProcessGone(p))).toEqual([]);
    expect(sup.state).toBe('stopped');
    expect(history.find((r) => r.event === 'exit')?.payload).toMatchObject({ pid, reason: 'stopped' });
  });

  it('stops a backend started through sh -c (a shell layer between us and the server)', async () => {
    const { sup } = supervise({ command: 'sh', args: ['-c', `"${NODE}" "${fixture('node-server.mjs')}" {port} & wait`], readiness: { http: '/health' } });
    const { url } = await sup.start();
    const env = (await (await fetch(`${url}/env`)).json()) as { ppid: number };
    const serverPid = (await (await fetch(`${url}/health`)).json()) as { pid: number };
    trackPids([serverPid.pid]);
    expect(env.ppid).not.toBe(process.pid);
    await sup.stop();
    expect(isProcessGone(serverPid.pid)).toBe(true);
  });

  it('a backend that ignores SIGTERM gets SIGKILL after stop.timeoutMs', async () => {
    const { sup } = supervise({ command: NODE, args: [fixture('ignore-sigterm.mjs')], stop: { timeoutMs: 300 } });
    const { pid } = await sup.start();
    const ignored = next(sup, 'log', ({ line }) => line === 'ignoring SIGTERM');
    const exit = next(sup, 'exit');
    await sup.stop();
    await ignored;
    expect(await exit).toMatchObject({ pid, signal: 'SIGKILL', reason: 'stopped' });
    expect(isProcessGone(pid)).toBe(true);
  });

  it('concurrent stop() calls share one promise and stop() is idempotent', async () => {
    const { sup, history } = supervise({ command: NODE, args: [fixture('node-server.mjs')] });
    await sup.start();
    const a = sup.stop();
    const b = sup.stop();
    expect(a).toBe(b);
    await Promise.all([a, b]);
    await sup.stop();
    expect(history.filter((r) => r.event === 'exit')).toHaveLength(1);
    expect(transitions(history)).toEqual(['idle->starting', 'starting->ready', 'ready->stopping', 'stopping->stopped']);
  });

  it('stop() during backoff cancels the respawn', async () => {
    const { sup, history } = supervise({ command: NODE, args: [fixture('node-server.mjs')], restart: { initialDelayMs: 60_000, maxDelayMs: 60_000 } });
    const { pid } = await sup.start();
    const backoff = next(sup, 'backoff');
    process.kill(pid, 'SIGKILL');
    await backoff;
    expect(sup.state).toBe('backoff');
    await sup.stop();
    expect(sup.state).toBe('stopped');
    expect(history.filter((r) => r.event === 'spawn')).toHaveLength(1);
    expect(transitions(history).slice(-2)).toEqual(['backoff->stopping', 'stopping->stopped']);
  });

  it('stop() during starting aborts start() with SUP_ERR_ABORTED and kills the child', async () => {
    const { sup, history } = supervise({ command: NODE, args: [fixture('node-server.mjs')], readiness: { stdout: /never printed/ } });
    const started = sup.start().catch((e: unknown) => e);
    const { pid } = await next(sup, 'spawn');
    await sup.stop();
    const error = (await started) as SupervisorError;
    expect(error).toBeInstanceOf(SupervisorError);
    expect(error.code).toBe('SUP_ERR_ABORTED');
    expect(isProcessGone(pid)).toBe(true);
    expect(transitions(history)).toEqual(['idle->starting', 'starting->stopping', 'stopping->stopped']);
  });

  it('stop() right after start(), before the spawn, leaves nothing behind', async () => {
    const { sup, history } = supervise({ command: NODE, args: [fixture('node-server.mjs')] });
    const started = sup.start().catch((e: unknown) => e);
    await sup.stop();
    expect(((await started) as SupervisorError).code).toBe('SUP_ERR_ABORTED');
    const spawned = history.filter((r) => r.event === 'spawn').map((r) => (r.payload as { pid: number }).pid);
    expect(spawned.filter((p) => !isProcessGone(p))).toEqual([]);
    expect(sup.state).toBe('stopped');
  });

  it('start() after stop() runs a fresh backend', async () => {
    const { sup } = supervise({ command: NODE, args: [fixture('node-server.mjs')] });
    const first = await sup.start();
    await sup.stop();
    const second = await sup.start();
    expect(second.pid).not.toBe(first.pid);
    expect(sup.snapshot()).toMatchObject({ state: 'ready', restarts: 0, attempt: 1 });
  });
});
