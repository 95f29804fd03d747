import { spawn } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, NODE, tempDir } from './helpers/fixtures.js';
import { supervise, trackPids } from './helpers/harness.js';
import { isProcessGone, waitGone } from './helpers/proc.js';
import { captureLogger } from './helpers/log-capture.js';
import { spawnUntilLine } from './helpers/spawn-line.js';

async function hostThenKill(backend: string, runtimeDir: string, name: string): Promise<{ host: number; backend: number }> {
  const { child, line } = await spawnUntilLine(NODE, [fixture('host.mjs')], /^\{"host"/, { env: { ...process.env, FIXTURE_BACKEND: backend, FIXTURE_RUNTIME_DIR: runtimeDir, FIXTURE_NAME: name } });
  const pids = JSON.parse(line) as { host: number; backend: number };
  trackPids([pids.host, pids.backend]);
  child.kill('SIGKILL');
  await waitGone([pids.host]);
  return pids;
}

describe('orphans', () => {
  it('a Node backend using exitWithParent exits when its host is SIGKILLed', async () => {
    const { backend } = await hostThenKill('node-server.mjs', tempDir(), 'orphan-node');
    await waitGone([backend]);
    expect(isProcessGone(backend)).toBe(true);
  });

  it('the next start() reaps a stale backend left by a SIGKILLed host (pid and start time match)', async () => {
    const runtimeDir = tempDir();
    const stale = await hostThenKill('python', runtimeDir, 'orphan-py');
    // Python's http.server does not watch its parent: it lives on, holding its port.
    expect(isProcessGone(stale.backend)).toBe(false);
    const record = JSON.parse(readFileSync(join(runtimeDir, 'orphan-py.pid.json'), 'utf8')) as { pid: number };
    expect(record.pid).toBe(stale.backend);
    const { sup } = supervise({ name: 'orphan-py', runtimeDir, command: 'python3', args: ['-u', '-m', 'http.server', '{port}', '--bind', '127.0.0.1'], readiness: { tcp: true } });
    const { pid } = await sup.start();
    expect(isProcessGone(stale.backend)).toBe(true);
    expect(pid).not.toBe(stale.backend);
  });

  it('a host SIGKILLed the moment its backend is spawned still leaves a pid file, and the next start() reaps it', async () => {
    const runtimeDir = tempDir();
    const { child, line } = await spawnUntilLine(NODE, [fixture('host.mjs')], /^\{"host"/, { env: { ...process.env, FIXTURE_BACKEND: 'python', FIXTURE_RUNTIME_DIR: runtimeDir, FIXTURE_NAME: 'orphan-early', FIXTURE_DIE_ON_SPAWN: '1' } });
    const stale = JSON.parse(line) as { host: number; backend: number };
    trackPids([stale.host, stale.backend]);
    await new Promise((resolve) => (child.exitCode === null && child.signalCode === null ? child.once('exit', resolve) : resolve(undefined)));
    const record = JSON.parse(readFileSync(join(runtimeDir, 'orphan-early.pid.json'), 'utf8')) as { pid: number };
    expect(record.pid).toBe(stale.backend);
    const { sup } = supervise({ name: 'orphan-early', runtimeDir, command: 'python3', args: ['-u', '-m', 'http.server', '{port}', '--bind', '127.0.0.1'], readiness: { tcp: true } });
    await sup.start();
    expect(isProcessGone(stale.backend)).toBe(true);
  });

  it.each([
    { label: 'a private runtime dir: the recorded process (right pid, start time and instance id) is reaped', mode: 0o700, instance: 'x', reaped: true },
    { label: 'a world-writable runtime dir: a planted pid file is ignored', mode: 0o777, instance: 'x', reaped: false },
    { label: 'a process without the recorded instance id in its environment is left alone', mode: 0o700, instance: 'another-launch', reaped: false },
  ])('$label', async ({ mode, instance, reaped }) => {
    const runtimeDir = tempDir();
    chmodSync(runtimeDir, mode);
    const target = spawn(NODE, ['-e', 'setInterval(()=>{},1e9)'], { stdio: 'ignore', detached: true, env: { ...process.env, SUPERVISOR_INSTANCE_ID: instance } });
    trackPids([target.pid as number]);
    await new Promise((resolve) => target.once('spawn', resolve));
    const stat = readFileSync(`/proc/${target.pid}/stat`, 'utf8');
    const startTime = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    writeFileSync(join(runtimeDir, 'planted.pid.json'), JSON.stringify({ pid: target.pid, startTime, instanceId: 'x', supervisorPid: 999_999, supervisorStartTime: '1', command: 'x', writtenAt: '' }));
    const { sup } = supervise({ name: 'planted', runtimeDir, command: NODE, args: [fixture('node-server.mjs')] });
    await sup.start();
    expect(isProcessGone(target.pid as number)).toBe(reaped);
    target.kill('SIGKILL');
  });

  it('never kills a process that merely reuses the recorded pid (start time differs)', async () => {
    const runtimeDir = tempDir();
    const bystander = spawn(NODE, ['-e', 'setInterval(()=>{},1e9)'], { stdio: 'ignore' });
    trackPids([bystander.pid as number]);
    writeFileSync(join(runtimeDir, 'reuse.pid.json'), JSON.stringify({ pid: bystander.pid, startTime: '1', instanceId: 'old', supervisorPid: 999_999, supervisorStartTime: '1', command: 'x', writtenAt: '' }));
    const { sup } = supervise({ name: 'reuse', runtimeDir, command: NODE, args: [fixture('node-server.mjs')] });
    await sup.start();
    expect(isProcessGone(bystander.pid as number)).toBe(false);
    bystander.kill('SIGKILL');
  });
});

describe('runtime directory', () => {
  const withEnv = async (vars: Record<string, string>, body: () => Promise<void>): Promise<void> => {
    const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
    Object.assign(process.env, vars);
    try {
      await body();
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  };

  it.runIf(process.getuid?.() === 0)("another user's default directory: the pid file moves to the user's state dir, with a warning", async () => {
    const runtime = tempDir();
    const state = tempDir();
    const planted = join(runtime, 'sentinel-supervisor');
    mkdirSync(planted, { mode: 0o700 });
    chownSync(planted, 12_345, 12_345); // as if another local user had created it first
    await withEnv({ XDG_RUNTIME_DIR: runtime, XDG_STATE_HOME: state }, async () => {
      const { logger, records } = captureLogger();
      const { sup } = supervise({ name: 'fallback', runtimeDir: undefined, command: NODE, args: [fixture('node-server.mjs')], logger });
      expect(sup.pidFile).toBe(join(state, 'sentinel-supervisor', 'fallback.pid.json'));
      const { pid } = await sup.start();
      expect(JSON.parse(readFileSync(join(state, 'sentinel-supervisor', 'fallback.pid.json'), 'utf8'))).toMatchObject({ pid });
      expect(records.find((r) => String(r['msg']).includes('is not private'))).toMatchObject({ level: 40, msg: expect.stringContaining('belongs to uid 12345') });
    });
  });

  it('an explicit runtimeDir that is not private turns reaping off, with a process warning when there is no logger', async () => {
    const dir = tempDir();
    chmodSync(dir, 0o777);
    const warned = new Promise<Error>((resolve) => process.once('warning', resolve));
    const { sup } = supervise({ name: 'explicit', runtimeDir: dir, command: NODE, args: [fixture('node-server.mjs')] });
    expect(sup.pidFile).toBeUndefined();
    expect((await warned).message).toMatch(/not private \(others may write to it \(mode 777\)\).*orphan reaping is off/);
  });
});
