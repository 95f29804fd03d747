import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SupervisorError} from '../src/index.js';
import { type LaunchInfo } from '../src/index.js';
import { fixture, NODE, tempDir } from './helpers/fixtures.js';
import { next, supervise, transitions } from './helpers/harness.js';
import { isProcessGone } from './helpers/proc.js';

const server = { command: NODE, args: [fixture('node-server.mjs')] };

describe('restart()', () => {
  it('replaces a ready backend at once: exit reason restart, no backoff, not counted as a restart', async () => {
    const { sup, history } = supervise(server);
    const first = await sup.start();
    const second = await sup.restart();
    expect(second.pid).not.toBe(first.pid);
    expect(isProcessGone(first.pid)).toBe(true);
    expect(history.find((r) => r.event === 'exit')?.payload).toMatchObject({ pid: first.pid, reason: 'restart' });
    expect(history.some((r) => r.event === 'backoff')).toBe(false);
    expect(transitions(history)).toEqual(['idle->starting', 'starting->ready', 'ready->starting', 'starting->ready']);
    expect(sup.snapshot()).toMatchObject({ state: 'ready', pid: second.pid, restarts: 0, attempt: 2 });
  });

  it('cuts a long backoff short', async () => {
    const counter = join(tempDir(), 'count');
    const { sup } = supervise({ command: NODE, args: [fixture('crash-nth.mjs')], env: { FIXTURE_COUNTER: counter, FIXTURE_CRASH_ON: '2' }, restart: { initialDelayMs: 600_000, maxDelayMs: 600_000, jitter: 0 } });
    const { pid } = await sup.start();
    // The first crash restarts at once (start 2 crashes), the second waits initialDelayMs: 10 minutes.
    const longBackoff = next(sup, 'backoff', ({ delayMs }) => delayMs === 600_000);
    process.kill(pid, 'SIGKILL');
    await longBackoff;
    expect(sup.state).toBe('backoff');
    const again = await sup.restart();
    expect(sup.state).toBe('ready');
    expect(again.pid).not.toBe(pid);
  });

  it('from stopped is start()', async () => {
    const { sup } = supervise(server);
    await sup.start();
    await sup.stop();
    const { pid } = await sup.restart();
    expect(sup.snapshot()).toMatchObject({ state: 'ready', pid, attempt: 1 });
  });
});

describe('signal()', () => {
  it('sends a signal to the backend only (a reload), which keeps running', async () => {
    const { sup } = supervise(server);
    const { pid } = await sup.start();
    const reloaded = next(sup, 'log', ({ line }) => line === 'got SIGHUP');
    expect(sup.signal('SIGHUP')).toBe(true);
    await reloaded;
    expect(sup.snapshot()).toMatchObject({ state: 'ready', pid });
  });

  it('says false when nothing runs and rejects a name that is no signal', async () => {
    const { sup } = supervise(server);
    expect(sup.signal('SIGHUP')).toBe(false);
    expect(() => sup.signal('SIGNOPE' as NodeJS.Signals)).toThrow(/signal name/);
  });
});

describe('whenReady()', () => {
  it('waits through idle and starting, resolves at once when ready, and does not start anything itself', async () => {
    const { sup, history } = supervise(server);
    const waiting = sup.whenReady();
    expect(history).toEqual([]);
    const started = await sup.start();
    expect(await waiting).toEqual(started);
    expect(await sup.whenReady()).toEqual(started);
  });

  it('rejects with the reason of its AbortSignal, SUP_ERR_NOT_RUNNING when stopped, and the failure when failed', async () => {
    const { sup } = supervise({ ...server, restart: false });
    const controller = new AbortController();
    const waiting = sup.whenReady({ signal: controller.signal });
    controller.abort(new Error('caller gave up'));
    await expect(waiting).rejects.toThrow('caller gave up');
    const { pid } = await sup.start();
    const failed = next(sup, 'failed');
    process.kill(pid, 'SIGKILL');
    await failed;
    await expect(sup.whenReady()).rejects.toMatchObject({ code: 'SUP_ERR_CRASHED' });
    await sup.stop();
    await expect(sup.whenReady()).rejects.toMatchObject({ code: 'SUP_ERR_NOT_RUNNING' });
  });
});

describe('start({ signal })', () => {
  it('an abort before ready stops the supervisor and rejects SUP_ERR_ABORTED with the reason as cause', async () => {
    const { sup } = supervise({ ...server, readiness: { stdout: /never printed/ } });
    const controller = new AbortController();
    const started = sup.start({ signal: controller.signal }).catch((e: unknown) => e);
    const { pid } = await next(sup, 'spawn');
    controller.abort('window closed');
    const error = (await started) as SupervisorError;
    expect(error).toMatchObject({ code: 'SUP_ERR_ABORTED', cause: 'window closed' });
    await next(sup, 'state', ({ to }) => to === 'stopped');
    expect(isProcessGone(pid)).toBe(true);
  });

  it('an already aborted signal starts nothing; an abort after ready changes nothing', async () => {
    const { sup, history } = supervise(server);
    await expect(sup.start({ signal: AbortSignal.abort() })).rejects.toMatchObject({ code: 'SUP_ERR_ABORTED' });
    expect(history).toEqual([]);
    const controller = new AbortController();
    await sup.start({ signal: controller.signal });
    controller.abort();
    expect(sup.state).toBe('ready');
  });
});

describe('env as a function', () => {
  it('is called at each spawn with the launch, and its values reach the backend', async () => {
    const calls: LaunchInfo[] = [];
    const { sup } = supervise({ ...server, env: (launch) => (calls.push(launch), { FIXTURE_EXTRA: `token-${launch.attempt}` }) });
    const first = await sup.start();
    expect(await (await fetch(`${first.url}/env`)).json()).toMatchObject({ FIXTURE_EXTRA: 'token-1', SUPERVISOR_INSTANCE_ID: calls[0]?.instanceId });
    const again = next(sup, 'ready');
    process.kill(first.pid, 'SIGKILL');
    const second = await again;
    expect(await (await fetch(`${second.url}/env`)).json()).toMatchObject({ FIXTURE_EXTRA: 'token-2' });
    expect(calls.map((c) => [c.attempt, c.port])).toEqual([[1, first.port], [2, second.port]]);
  });

  it.each([
    { label: 'throws', env: (): Record<string, string> => { throw new Error('no keychain'); }, message: /env\(\) threw: no keychain/ },
    { label: 'returns a number', env: () => ({ A: 1 }) as unknown as Record<string, string>, message: /env\(\) must return an object of strings.*A: 1/ },
  ])('that $label fails the start with SUP_ERR_SPAWN', async ({ env, message }) => {
    const { sup } = supervise({ ...server, env });
    const error = (await sup.start().catch((e: unknown) => e)) as SupervisorError;
    expect(error.code).toBe('SUP_ERR_SPAWN');
    expect(error.message).toMatch(message);
  });
});
