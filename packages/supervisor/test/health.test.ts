import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { HealthMonitor } from '../src/health/health-monitor.js';
import { fixture, NODE } from './helpers/fixtures.js';
import { next, supervise, transitions } from './helpers/harness.js';
import { isProcessGone } from './helpers/proc.js';

// A generous probe timeout: a loaded CI machine must not fail a healthy backend (SIGSTOP still trips it).
const fastHealth = { http: '/health', requireInstanceId: true, intervalMs: 100, timeoutMs: 1_000, failureThreshold: 3 } as const;

describe('health probes', () => {
  it('a stopped process (SIGSTOP) is detected as hung, killed (SIGCONT+SIGTERM) and restarted', async () => {
    const { sup, history } = supervise({ command: NODE, args: [fixture('node-server.mjs')], health: fastHealth, restart: { initialDelayMs: 10 } });
    const { pid } = await sup.start();
    const exit = next(sup, 'exit');
    const readyAgain = next(sup, 'ready');
    process.kill(pid, 'SIGSTOP');
    // Code 0 from its own SIGTERM handler: it was woken by SIGCONT, not SIGKILLed.
    expect(await exit).toMatchObject({ pid, reason: 'unhealthy', code: 0, signal: null });
    await readyAgain;
    const failures = history.filter((r) => r.event === 'unhealthy').map((r) => (r.payload as { failures: number }).failures);
    expect(failures).toEqual([1, 2, 3]);
    expect(transitions(history)).toEqual(['idle->starting', 'starting->ready', 'ready->unhealthy', 'unhealthy->backoff', 'backoff->starting', 'starting->ready']);
    expect(sup.snapshot().lastError).toMatchObject({ code: 'SUP_ERR_UNHEALTHY' });
    expect(isProcessGone(pid)).toBe(true);
  });

  it('a blocked event loop whose SIGTERM handler cannot run is killed with SIGKILL', async () => {
    const { sup } = supervise({ command: NODE, args: [fixture('hang.mjs')], health: fastHealth, stop: { timeoutMs: 300 }, restart: { initialDelayMs: 10 } });
    const { pid, url } = await sup.start();
    const exit = next(sup, 'exit');
    await (await fetch(`${url}/hang`)).text();
    expect(await exit).toMatchObject({ pid, reason: 'unhealthy', signal: 'SIGKILL' });
    await next(sup, 'ready');
  });

  it('with restart: false a hung backend ends in failed with SUP_ERR_UNHEALTHY', async () => {
    const { sup } = supervise({ command: NODE, args: [fixture('node-server.mjs')], health: fastHealth, restart: false });
    const { pid } = await sup.start();
    const failed = next(sup, 'failed');
    process.kill(pid, 'SIGSTOP');
    const { reason, lastExit } = await failed;
    expect(reason).toMatchObject({ code: 'SUP_ERR_UNHEALTHY' });
    expect(lastExit).toMatchObject({ pid, reason: 'unhealthy' });
    expect(sup.state).toBe('failed');
  });

  it('a success after failures returns to ready without a restart', async () => {
    const { sup, history } = supervise({ command: NODE, args: [fixture('node-server.mjs')], health: { ...fastHealth, failureThreshold: 5 } });
    const { url } = await sup.start();
    const unhealthy = next(sup, 'unhealthy', ({ failures }) => failures === 2);
    await (await fetch(`${url}/health-fail?n=2`)).text();
    await unhealthy;
    await next(sup, 'state', ({ to }) => to === 'ready');
    expect(history.some((r) => r.event === 'exit')).toBe(false);
    expect(transitions(history)).toEqual(['idle->starting', 'starting->ready', 'ready->unhealthy', 'unhealthy->ready']);
    expect(sup.snapshot().healthFailures).toBe(0);
  });

  it('probes never overlap: a server that never answers sees one probe at a time, each failing at timeoutMs', async () => {
    let open = 0;
    let maxOpen = 0;
    let requests = 0;
    const server = createServer(() => {
      requests += 1; // never answers
    });
    server.on('connection', (socket) => {
      open += 1;
      maxOpen = Math.max(maxOpen, open);
      socket.on('close', () => (open -= 1));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    const errors: Error[] = [];
    const controller = new AbortController();
    const monitor = new HealthMonitor({ check: { kind: 'http', path: '/', requireInstanceId: false, headers: {}, expectedStatus: undefined }, intervalMs: 10, timeoutMs: 150, failureThreshold: 4, successThreshold: 1 }, { host: '127.0.0.1', port, instanceId: 'x', pid: process.pid }, {
      onFailure: (error) => errors.push(error),
      onRecovery: () => {},
    }, controller.signal);
    try {
      const fourFailures = new Promise<void>((resolve) => {
        const check = setInterval(() => errors.length >= 4 && (clearInterval(check), resolve()), 5);
      });
      monitor.start();
      await fourFailures;
    } finally {
      controller.abort();
      server.closeAllConnections();
      server.close();
    }
    expect(maxOpen).toBe(1);
    expect(requests).toBeGreaterThanOrEqual(4);
    expect(errors[0]?.message).toMatch(/longer than 150 ms/);
  });
});
