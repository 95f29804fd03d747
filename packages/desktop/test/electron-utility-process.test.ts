import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startAnthropicStub, type AnthropicStub } from '@sentinel/backend/testing';
import { readEnvironVariable, readStat } from '@sentinel/supervisor/proc';
import { startElectronShell, type ElectronShell } from '../src/electron/shell.js';
import { BACKEND_SERVICE_NAME } from '../src/electron/utility-spawn.js';
import { createDefaultClient, createDefaultSupervisor, devSidecarPath } from '../src/host/defaults.js';
import type { BridgeErrorBody } from '../src/shared/types.js';
import { FakeApp, FakeBrowserWindow, type FakeElectron, fakeElectron, ipcEventFrom } from './helpers/fake-electron.js';
import { isConnected, isReconnected, isReconnecting, waitForHostEvent } from './helpers/host-events.js';
import { childrenOf, isGone, waitGone } from './helpers/processes.js';
import { startSignalSentinel } from './helpers/signal-sentinel.js';

// The Electron shell runs its backend through Electron's utilityProcess, faked as a
// child_process.fork with Electron's semantics (test/helpers/fake-utility-process.ts): the
// supervisor, the backend bundle and the HTTP between them are real, the model a local stub.
const packageDir = resolve(import.meta.dirname, '..');
const KEY = 'sk-ant-api03-utility-process-key-4321';
const SPEC = { name: 'Capital', model: 'claude-haiku-4-5', inputs: { query: 'Capital of France?' }, assertions: [{ must_contain: 'Paris' }] };

let stub: AnthropicStub;
let userData: string;
let app: FakeApp;
let electron: FakeElectron;
let shell: ElectronShell | undefined;
const savedRunAsNode = process.env.ELECTRON_RUN_AS_NODE;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test reads the value its own call returns
const invoke = (method: string, ...args: unknown[]) => electron.ipcMain.invoke(ipcEventFrom(FakeBrowserWindow.instances[0]!.webContents), `sentinel:${method}`, ...args) as Promise<{ value?: any; error?: BridgeErrorBody }>;
const forkPids = (): number[] => electron.utilityProcess.forks.map((fork) => fork.process.spawnedPid!);
const processGroup = (pid: number): number | undefined => readStat(pid)?.pgid;

async function launch(): Promise<ElectronShell> {
  shell = await startElectronShell(electron, {
    sidecarPath: devSidecarPath(),
    rendererDir: join(packageDir, 'dist', 'renderer'),
    preloadPath: join(packageDir, 'dist', 'electron', 'preload.cjs'),
    createSupervisor: createDefaultSupervisor,
    createClient: createDefaultClient,
    backendEnv: { ANTHROPIC_BASE_URL: stub.url },
  });
  if (!isConnected({ type: 'connection', status: shell!.host.getSnapshot().connection })) await waitForHostEvent(shell!.host, isConnected);
  return shell!;
}

/** Live children of this process running the backend bundle. */
async function backendChildren(): Promise<number[]> {
  const found: number[] = [];
  for (const pid of await childrenOf(process.pid)) {
    if ((await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')).includes('sentinel-backend.cjs')) found.push(pid);
  }
  return found;
}

beforeAll(async () => {
  stub = await startAnthropicStub({ behavior: { text: 'Paris is the capital of France.' } });
});
afterAll(async () => {
  await stub.close();
});
beforeEach(async () => {
  userData = await mkdtemp(join(tmpdir(), 'sentinel-utility-shell-'));
  app = new FakeApp(userData);
  electron = fakeElectron(app);
  FakeBrowserWindow.instances.length = 0;
});
afterEach(async () => {
  if (savedRunAsNode === undefined) delete process.env.ELECTRON_RUN_AS_NODE;
  else process.env.ELECTRON_RUN_AS_NODE = savedRunAsNode;
  if (shell) await shell.host.stop();
  shell = undefined;
  for (const pid of forkPids()) await waitGone(pid);
  await rm(userData, { recursive: true, force: true });
});

describe('the backend through utilityProcess (faked: a fork with Electron\'s semantics)', () => {
  it('forks the bundle with its environment (token, data dir, key; no ELECTRON_RUN_AS_NODE) and a test runs', async () => {
    process.env.ELECTRON_RUN_AS_NODE = '1'; // in the host's environment: must not reach the backend
    await launch();
    const [first] = electron.utilityProcess.forks;
    expect(first).toMatchObject({ modulePath: devSidecarPath(), args: [], options: { stdio: 'pipe', serviceName: BACKEND_SERVICE_NAME } });
    expect(first!.options).not.toHaveProperty('execArgv');
    const pid = shell!.host.backendPid()!;
    expect(pid).toBe(first!.process.spawnedPid);
    expect(readStat(pid)?.ppid).toBe(process.pid);

    // What the backend process really got (its /proc environ), and what was passed to fork().
    const token = readEnvironVariable(pid, 'SENTINEL_TOKEN');
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(first!.options.env?.['SENTINEL_TOKEN']).toBe(token);
    expect(readEnvironVariable(pid, 'SENTINEL_DATA_DIR')).toBe(join(userData, 'data'));
    expect(readEnvironVariable(pid, 'HOST')).toBe('127.0.0.1');
    expect(readEnvironVariable(pid, 'ANTHROPIC_BASE_URL')).toBe(stub.url);
    expect(readEnvironVariable(pid, 'ANTHROPIC_API_KEY')).toBe('');
    expect(readEnvironVariable(pid, 'SUPERVISOR_PARENT_PID')).toBe(String(process.pid));
    expect(readEnvironVariable(pid, 'ELECTRON_RUN_AS_NODE')).toBeUndefined();
    expect(first!.options.env).not.toHaveProperty('ELECTRON_RUN_AS_NODE');

    // A key restarts the backend: a second fork, with the key; then a run goes through it.
    await invoke('saveProviderKey', 'anthropic', KEY);
    const second = electron.utilityProcess.forks[1]!;
    expect(shell!.host.backendPid()).toBe(second.process.spawnedPid);
    expect(readEnvironVariable(second.process.spawnedPid!, 'ANTHROPIC_API_KEY')).toBe(KEY);
    expect(readEnvironVariable(second.process.spawnedPid!, 'SENTINEL_TOKEN')).toBe(token);
    const run = await invoke('execute', { spec: SPEC });
    expect(run.value).toMatchObject({ success: true, output: 'Paris is the capital of France.' });
    expect(stub.requests.at(-1)?.apiKey).toBe(KEY);
    expect(isGone(pid)).toBe(true);
  });

  it('a SIGKILLed backend: reconnecting (with the exit as Electron reports it), then reconnected through a new fork', async () => {
    await launch();
    const pid = shell!.host.backendPid()!;
    const reconnecting = waitForHostEvent(shell!.host, isReconnecting);
    const reconnected = waitForHostEvent(shell!.host, isReconnected);
    process.kill(pid, 'SIGKILL');
    const notice = await reconnecting;
    // Electron's 'exit' has no signal: an outside SIGKILL arrives as waitpid's status, 9.
    expect(notice.type === 'connection' && notice.status.phase === 'reconnecting' && notice.status.reason).toBe('the backend exited with code 9');
    await reconnected;
    expect(electron.utilityProcess.forks).toHaveLength(2);
    expect(shell!.host.backendPid()).toBe(electron.utilityProcess.forks[1]!.process.spawnedPid);
    expect(isGone(pid)).toBe(true);
    expect((await invoke('listRuns', {})).value).toHaveProperty('runs');
  });

  it('a crash and a quit: nothing is left, Electron\'s kill() is never used, and the host\'s process group is never signalled', async () => {
    const sentinel = await startSignalSentinel();
    try {
      await launch();
      const host = processGroup(process.pid);
      // The backend shares the host's group with the sentinel and this test runner: a group kill would reach them.
      expect(processGroup(shell!.host.backendPid()!)).toBe(host);
      expect(processGroup(sentinel.pid)).toBe(host);
      expect(host).not.toBe(shell!.host.backendPid());

      const reconnected = waitForHostEvent(shell!.host, isReconnected);
      process.kill(shell!.host.backendPid()!, 'SIGKILL');
      await reconnected;
      const exits = electron.utilityProcess.forks.map((fork) => new Promise<number>((done) => (fork.process.pid === undefined ? done(-1) : fork.process.on('exit', done))));
      app.quit();
      await shell!.quitted;
      expect(app.exitCode).toBe(0);
      expect(await Promise.all(exits)).toEqual([-1, 0]); // the crashed one was gone; the live one drained and exited 0 on SIGTERM
      for (const pid of forkPids()) expect(isGone(pid), `backend ${pid}`).toBe(true);
      expect(await backendChildren()).toEqual([]);
      expect(electron.utilityProcess.forks.map((fork) => fork.process.killCalls)).toEqual([0, 0]);

      // The sentinel heard nothing, although it hears a signal sent to it: two probes in turn (SIGHUP,
      // which the supervisor never sends), so anything it got earlier has been reported by then.
      await sentinel.probe('SIGHUP');
      await sentinel.probe('SIGHUP');
      expect(sentinel.received).toEqual(['SIGHUP', 'SIGHUP']);
      expect(isGone(sentinel.pid)).toBe(false);
    } finally {
      await sentinel.stop();
    }
  });
});
