import { describe, expect, it } from 'vitest';
import { fixture, NODE } from './helpers/fixtures.js';
import { next, supervise, transitions } from './helpers/harness.js';

const server = { command: NODE, args: [fixture('node-server.mjs')] };

describe('probe options end to end', () => {
  it('http readiness with headers, and one that expects a 401', async () => {
    const withToken = supervise({ ...server, env: { FIXTURE_TOKEN: 't1' }, readiness: { http: '/auth', headers: { 'x-token': 't1' }, timeoutMs: 5_000 }, health: false });
    await withToken.sup.start();
    const expecting401 = supervise({ ...server, env: { FIXTURE_TOKEN: 't1' }, readiness: { http: '/auth', expectedStatus: 401, timeoutMs: 5_000 }, health: false });
    await expecting401.sup.start();
    const wrongToken = supervise({ ...server, env: { FIXTURE_TOKEN: 't1' }, readiness: { http: '/auth', headers: { 'x-token': 'nope' }, timeoutMs: 1_000 }, health: false, restart: false });
    await expect(wrongToken.sup.start()).rejects.toMatchObject({ code: 'SUP_ERR_STARTUP_TIMEOUT', message: expect.stringContaining('answered 401') });
  });

  it('a custom readiness probe must pass successThreshold times in a row', async () => {
    const calls: Array<{ pid: number; port: number | undefined }> = [];
    const { sup } = supervise({
      ...server,
      readiness: { probe: async ({ url, pid, port, signal }) => {
        calls.push({ pid, port });
        const res = await fetch(`${url}/health`, { signal });
        if (!res.ok) throw new Error(`status ${res.status}`);
      }, successThreshold: 3 },
      health: false,
    });
    const { pid, port } = await sup.start();
    const passes = calls.filter((c) => c.pid === pid);
    expect(passes.length).toBeGreaterThanOrEqual(3);
    expect(passes.every((c) => c.port === port)).toBe(true);
  });

  it('health successThreshold: unhealthy turns back into ready only after that many passes in a row', async () => {
    let failing = false;
    let passesSinceFailure = 0;
    const { sup, history } = supervise({
      ...server,
      health: { probe: () => {
        if (failing) throw new Error('probe says down');
        passesSinceFailure += 1;
      }, intervalMs: 20, failureThreshold: 5, successThreshold: 3 },
    });
    await sup.start();
    failing = true;
    const unhealthy = await next(sup, 'unhealthy');
    expect(unhealthy.error).toMatchObject({ code: 'SUP_ERR_PROBE', cause: { message: 'probe says down' } });
    passesSinceFailure = 0;
    failing = false;
    await next(sup, 'state', ({ to }) => to === 'ready');
    expect(passesSinceFailure).toBe(3);
    expect(transitions(history)).toEqual(['idle->starting', 'starting->ready', 'ready->unhealthy', 'unhealthy->ready']);
  });

  it('without a port, a custom probe tells readiness, and health reuses it by default', async () => {
    const targets: Array<{ port: number | undefined }> = [];
    let healthProbes!: () => void;
    const probedAfterReady = new Promise<void>((resolve) => (healthProbes = resolve));
    let ready = false;
    const { sup } = supervise({ ...server, port: false, readiness: { probe: ({ port }) => {
      targets.push({ port });
      if (ready) healthProbes();
    } } });
    const { port, url } = await sup.start();
    ready = true;
    expect({ port, url }).toEqual({ port: undefined, url: undefined });
    expect(targets[0]).toEqual({ port: undefined });
    await probedAfterReady; // the health monitor calls the same function (every 2 s by default)
  });
});
