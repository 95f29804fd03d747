import { createServer, type Server } from 'node:net';
import { writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SupervisorError } from '../src/index.js';
import { fixture, NODE, tempDir } from './helpers/fixtures.js';
import { next, supervise, transitions } from './helpers/harness.js';
import { isProcessGone } from './helpers/proc.js';

async function getJson(url: string): Promise<Record<string, unknown>> {
  const res = await fetch(url);
  return (await res.json()) as Record<string, unknown>;
}

describe('start and ready', () => {
  it.each([
    { label: 'node server, http readiness with instance id', readiness: { http: '/health', requireInstanceId: true } },
    { label: 'node server, tcp readiness', readiness: { tcp: true as const } },
    { label: 'node server, stdout readiness', readiness: { stdout: /^listening on \d+/ } },
  ])('$label', async ({ readiness }) => {
    const { sup, history } = supervise({ command: NODE, args: [fixture('node-server.mjs'), '{port}'], env: { FIXTURE_EXTRA: 'x1' }, readiness });
    const { url, port, pid } = await sup.start();
    expect(sup.state).toBe('ready');
    expect(url).toBe(`http://127.0.0.1:${port}`);
    const env = await getJson(`${url}/env`);
    expect(env).toMatchObject({ argv: [String(port)], PORT: String(port), SUPERVISOR_PARENT_PID: String(process.pid), FIXTURE_EXTRA: 'x1', ppid: process.pid });
    expect(env['SUPERVISOR_INSTANCE_ID']).toBe(sup.snapshot().instanceId);
    expect(sup.snapshot()).toMatchObject({ state: 'ready', pid, port, url, restarts: 0, attempt: 1 });
    expect(transitions(history)).toEqual(['idle->starting', 'starting->ready']);
    expect(await sup.start()).toEqual({ url, port, pid });
  });

  it("during 'spawn' listeners snapshot() already shows the new process", async () => {
    const { sup } = supervise({ command: NODE, args: [fixture('node-server.mjs')] });
    const seen = new Promise<[number, number | undefined]>((resolve) => sup.once('spawn', ({ pid }) => resolve([pid, sup.snapshot().pid])));
    await sup.start();
    const [pid, snapshotPid] = await seen;
    expect(snapshotPid).toBe(pid);
  });

  it('concurrent start() calls share one launch', async () => {
    const { sup, history } = supervise({ command: NODE, args: [fixture('node-server.mjs')] });
    const [a, b] = await Promise.all([sup.start(), sup.start()]);
    expect(a).toEqual(b);
    expect(history.filter((r) => r.event === 'spawn')).toHaveLength(1);
  });

  it("runs Python's http.server", async () => {
    const { sup } = supervise({ command: 'python3', args: ['-u', '-m', 'http.server', '{port}', '--bind', '127.0.0.1'], readiness: { http: '/' }, health: { http: '/', intervalMs: 100 } });
    const { url } = await sup.start();
    const res = await fetch(url as string);
    expect(res.status).toBe(200);
    await res.arrayBuffer();
  });

  it('never adopts a server answering with another instance id (a stale run): startup timeout', async () => {
    const stale = `import(${JSON.stringify(fixture('lib/server.mjs'))}).then((m) => m.startServer({ instance: 'stale-run' }))`;
    const { sup, history } = supervise({ command: NODE, args: ['--input-type=module', '-e', stale, '{port}'], readiness: { http: '/health', requireInstanceId: true, timeoutMs: 1_500 }, restart: false });
    const error = (await sup.start().catch((e: unknown) => e)) as SupervisorError;
    expect(error).toBeInstanceOf(SupervisorError);
    expect(error.code).toBe('SUP_ERR_STARTUP_TIMEOUT');
    expect(error.message).toContain('stale-run');
    expect(sup.snapshot().lastExit?.reason).toBe('startup-timeout');
    expect(history.some((r) => r.event === 'ready')).toBe(false);
  });
});

describe('failures at spawn', () => {
  it.each([
    { label: 'missing executable (ENOENT)', command: '/nonexistent/backend-binary', errno: 'ENOENT' },
    { label: 'not executable (EACCES)', command: 'EACCES', errno: 'EACCES' },
    { label: 'missing cwd', command: NODE, cwd: '/nonexistent-dir', errno: 'ENOENT' },
  ])('$label fails at once with SUP_ERR_SPAWN, no restart loop', async ({ command, cwd, errno }) => {
    let cmd = command;
    if (command === 'EACCES') {
      cmd = join(tempDir(), 'not-exec.sh');
      writeFileSync(cmd, '#!/bin/sh\necho hi\n');
      chmodSync(cmd, 0o644);
    }
    const { sup, history } = supervise({ command: cmd, args: [fixture('node-server.mjs')], ...(cwd ? { cwd } : {}) });
    const error = (await sup.start().catch((e: unknown) => e)) as SupervisorError;
    expect(error).toBeInstanceOf(SupervisorError);
    expect(error.code).toBe('SUP_ERR_SPAWN');
    expect((error.cause as NodeJS.ErrnoException).code).toBe(errno);
    expect(sup.state).toBe('failed');
    expect(history.filter((r) => r.event === 'spawn' || r.event === 'backoff')).toEqual([]);
    expect(transitions(history)).toEqual(['idle->starting', 'starting->failed']);
  });

  it('a fixed port already taken is SUP_ERR_PORT_IN_USE before any spawn', async () => {
    const taken: Server = createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => taken.once('listening', resolve));
    const port = (taken.address() as { port: number }).port;
    try {
      const { sup, history } = supervise({ command: NODE, args: [fixture('node-server.mjs'), '{port}'], port });
      const error = (await sup.start().catch((e: unknown) => e)) as SupervisorError;
      expect(error.code).toBe('SUP_ERR_PORT_IN_USE');
      expect(error.message).toContain(String(port));
      expect(history.some((r) => r.event === 'spawn')).toBe(false);
    } finally {
      taken.close();
    }
  });

  it("port 'auto': a death on a taken port (EADDRINUSE) gets a new port next attempt", async () => {
    const taken: Server = createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => taken.once('listening', resolve));
    const takenPort = (taken.address() as { port: number }).port;
    try {
      // The first launch is told to use the taken port through FIXTURE argv; later launches use {port}.
      const counter = join(tempDir(), 'count');
      const script = `const fs=require('fs');let n=0;try{n=+fs.readFileSync(${JSON.stringify(counter)},'utf8')}catch{};fs.writeFileSync(${JSON.stringify(counter)},String(n+1));process.argv[1]=n===0?'${takenPort}':process.argv[1];import(${JSON.stringify(fixture('lib/server.mjs'))}).then(m=>{process.argv[2]=process.argv[1];m.startServer()})`;
      const { sup, history } = supervise({ command: NODE, args: ['-e', script, '{port}'], restart: { initialDelayMs: 1 } });
      const ready = await sup.start();
      const spawns = history.filter((r) => r.event === 'spawn').map((r) => (r.payload as { port: number }).port);
      expect(spawns.length).toBe(2);
      expect(sup.snapshot().lastExit?.lastLines.join('\n')).toMatch(/EADDRINUSE/);
      expect(spawns[1]).not.toBe(spawns[0]);
      expect(ready.port).toBe(spawns[1]);
    } finally {
      taken.close();
    }
  });
});

describe('crash, backoff, restart', () => {
  it('a crash is an exit with code, signal, uptime and last lines, then backoff and a new ready', async () => {
    const { sup, history } = supervise({ command: NODE, args: [fixture('node-server.mjs')], readiness: { http: '/health', requireInstanceId: true }, restart: { initialDelayMs: 10, jitter: 0 } });
    const first = await sup.start();
    const exited = next(sup, 'exit');
    const readyAgain = next(sup, 'ready');
    process.kill(first.pid, 'SIGKILL');
    const exit = await exited;
    expect(exit).toMatchObject({ pid: first.pid, code: null, signal: 'SIGKILL', reason: 'crash' });
    expect(exit.uptimeMs).toBeGreaterThan(0);
    expect(exit.lastLines).toContain(`listening on ${first.port}`);
    const again = await readyAgain;
    expect(again.pid).not.toBe(first.pid);
    expect(again.attempt).toBe(2);
    // The first crash starts no streak: restarted at once (initialDelayMs is for the next one).
    expect(history.find((r) => r.event === 'backoff')?.payload).toEqual({ attempt: 2, delayMs: 0 });
    expect(transitions(history)).toEqual(['idle->starting', 'starting->ready', 'ready->backoff', 'backoff->starting', 'starting->ready']);
    expect(sup.snapshot()).toMatchObject({ restarts: 1, state: 'ready' });
    expect(isProcessGone(first.pid)).toBe(true);
  });

  it.each([
    { label: 'first start', crashOn: '1', restarts: 1 },
    { label: 'second and third starts', crashOn: '1,2', restarts: 2 },
  ])('crashes on its $label: start() still resolves after restarts', async ({ crashOn, restarts }) => {
    const counter = join(tempDir(), 'count');
    const { sup, history } = supervise({ command: NODE, args: [fixture('crash-nth.mjs')], env: { FIXTURE_COUNTER: counter, FIXTURE_CRASH_ON: crashOn }, restart: { initialDelayMs: 5 } });
    await sup.start();
    const exits = history.filter((r) => r.event === 'exit').map((r) => r.payload as { code: number; reason: string; lastLines: string[] });
    expect(exits).toHaveLength(restarts);
    for (const exit of exits) expect(exit).toMatchObject({ code: 7, reason: 'crash' });
    expect(exits[0]?.lastLines).toContain('crashing on start 1');
    expect(sup.snapshot().restarts).toBe(restarts);
  });

  it('a crash loop restarts at once, then grows the delay to the cap and ends in failed (SUP_ERR_GAVE_UP); start() from failed tries again', async () => {
    const counter = join(tempDir(), 'count');
    const { sup, history } = supervise({ command: NODE, args: [fixture('crash-nth.mjs')], env: { FIXTURE_COUNTER: counter, FIXTURE_CRASH_ON: 'all' }, restart: { initialDelayMs: 5, factor: 2, jitter: 0, maxDelayMs: 15, maxRestarts: 5, windowMs: 60_000 } });
    const error = (await sup.start().catch((e: unknown) => e)) as SupervisorError;
    expect(error.code).toBe('SUP_ERR_GAVE_UP');
    expect((error.cause as SupervisorError).code).toBe('SUP_ERR_EXITED');
    expect(sup.state).toBe('failed');
    const delays = history.filter((r) => r.event === 'backoff').map((r) => (r.payload as { delayMs: number }).delayMs);
    expect(delays).toEqual([0, 5, 10, 15, 15]);
    const failed = history.find((r) => r.event === 'failed')?.payload as { restarts: number; lastExit: { code: number } };
    expect(failed).toMatchObject({ restarts: 5, lastExit: { code: 7 } });
    // Again from failed, once the backend is fixed.
    writeFileSync(`${counter}.healed`, '');
    const { pid } = await sup.start();
    expect(sup.state).toBe('ready');
    expect(pid).toBeGreaterThan(0);
  });

  it('restart: false ends in failed at the first crash', async () => {
    const { sup } = supervise({ command: NODE, args: [fixture('node-server.mjs')], restart: false });
    const { pid } = await sup.start();
    const failed = next(sup, 'failed');
    process.kill(pid, 'SIGKILL');
    const { reason } = await failed;
    expect(reason).toMatchObject({ code: 'SUP_ERR_CRASHED' });
    expect(sup.state).toBe('failed');
  });
});
