import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startAnthropicStub, type AnthropicStub } from '@sentinel/backend/testing';
import { startElectronShell, type ElectronShell } from '../src/electron/shell.js';
import { createDefaultClient, createDefaultSupervisor, devSidecarPath } from '../src/host/defaults.js';
import type { BridgeErrorBody } from '../src/shared/types.js';
import { WORKSPACE_BRIDGE_METHODS, type WorkspaceEvent as HostEvent } from '../src/shared/workspace-bridge.js';
import { FakeApp, FakeBrowserWindow, type FakeElectron, fakeElectron, fakeFrame, ipcEventFrom, shownNotifications } from './helpers/fake-electron.js';
import { isConnected, waitForHostEvent } from './helpers/host-events.js';
import { waitGone } from './helpers/processes.js';

// The Electron main-process wiring with Electron's API faked at its boundary; the supervisor, the
// backend bundle and the HTTP between them are real, and the model is a local Anthropic stub.
const packageDir = resolve(import.meta.dirname, '..');
const rendererDir = join(packageDir, 'dist', 'renderer');
const preloadPath = join(packageDir, 'dist', 'electron', 'preload.cjs');
const KEY = 'sk-ant-api03-electron-test-key-9876';
const SPEC = { name: 'Capital', model: 'claude-haiku-4-5', inputs: { query: 'Capital of France?' }, assertions: [{ must_contain: 'Paris' }] };

let stub: AnthropicStub;
let userData: string;
let app: FakeApp;
let electron: FakeElectron;
let shell: ElectronShell | undefined;
const pids = new Set<number>();

const waitForEvent = (predicate: (event: HostEvent) => boolean): Promise<HostEvent> => waitForHostEvent(shell!.host, predicate);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test reads the value its own bridge call returns
type Envelope = { value?: any; error?: BridgeErrorBody };
/** An IPC call from the main frame of the shell's window, as the preload makes it. */
const invoke = (method: string, ...args: unknown[]) =>
  electron.ipcMain.invoke(ipcEventFrom(FakeBrowserWindow.instances[0]!.webContents), `sentinel:${method}`, ...args) as Promise<Envelope>;

async function launch(): Promise<ElectronShell> {
  const ready = new Promise<void>((resolvePromise) => {
    const check = setInterval(() => {
      if (shell && shell.host.getSnapshot().connection.phase === 'connected') {
        clearInterval(check);
        resolvePromise();
      }
    }, 20);
  });
  shell = await startElectronShell(electron, {
    sidecarPath: devSidecarPath(),
    rendererDir,
    preloadPath,
    createSupervisor: createDefaultSupervisor,
    createClient: createDefaultClient,
    backendEnv: { ANTHROPIC_BASE_URL: stub.url },
  });
  shell!.host.onEvent(() => {
    const pid = shell?.host.backendPid();
    if (pid) pids.add(pid);
  });
  await ready;
  return shell!;
}

beforeAll(async () => {
  stub = await startAnthropicStub({ behavior: { text: 'Paris is the capital of France.' } });
});
afterAll(async () => {
  await stub.close();
});
beforeEach(async () => {
  userData = await mkdtemp(join(tmpdir(), 'sentinel-electron-'));
  app = new FakeApp(userData);
  electron = fakeElectron(app);
  FakeBrowserWindow.instances.length = 0;
  shownNotifications.length = 0;
  stub.setBehavior({ text: 'Paris is the capital of France.' });
});
afterEach(async () => {
  if (shell) await shell.host.stop();
  shell = undefined;
  for (const pid of pids) await waitGone(pid);
  pids.clear();
  await rm(userData, { recursive: true, force: true });
});

describe('Electron shell (Electron API faked, backend real)', () => {
  it('opens one secure window at once on app://sentinel, served by the protocol handler, with the security guards', async () => {
    await launch();
    const [window] = FakeBrowserWindow.instances;
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    expect(window!.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(window!.options.webPreferences.preload).toBe(preloadPath);
    expect(existsSync(preloadPath)).toBe(true);
    expect(window!.loadedUrl).toBe('app://sentinel/index.html');
    expect(electron.protocol.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    const page = await electron.protocol.fetch(window!.loadedUrl!);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Sentinel</title>');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    // The web-contents-created guard reached the window's contents, and permissions are denied.
    expect(window!.webContents.emit('will-navigate', 'https://evil.example/').defaultPrevented).toBe(true);
    expect(window!.webContents.emit('will-navigate', 'app://sentinel/index.html').defaultPrevented).toBe(false);
    expect(window!.webContents.windowOpenHandler?.({ url: 'https://docs.anthropic.com/' })).toEqual({ action: 'deny' });
    expect(electron.shell.opened).toEqual(['https://docs.anthropic.com/']);
    let granted: boolean | undefined;
    window!.webContents.permissionHandler?.(undefined, 'notifications', (value) => (granted = value));
    expect(granted).toBe(false);
    expect(window!.webContents.permissionCheckHandler?.(undefined, 'clipboard-read')).toBe(false);
    // The renderer got the connection events over IPC.
    expect(window!.webContents.sent.some(({ channel, args }) => channel === 'sentinel:event' && isConnected(args[0] as HostEvent))).toBe(true);
  });

  it('first run: checks the key, stores it encrypted (0600), restarts the backend with it, and runs a test', async () => {
    await launch();
    const before = await invoke('getSnapshot');
    expect(before.value.settings).toMatchObject({ keys: [{ provider: 'anthropic', configured: false }, { provider: 'openai', configured: false }], storage: 'encrypted' });
    const noKey = await invoke('execute', { spec: SPEC });
    expect(noKey.error).toMatchObject({ code: 'NO_API_KEY' });

    const firstPid = shell!.host.backendPid();
    const saved = await invoke('saveProviderKey', 'anthropic', KEY);
    expect(saved.value).toMatchObject({ keys: [{ provider: 'anthropic', configured: true, masked_key: 'sk-ant-…9876' }, { provider: 'openai', configured: false }], storage: 'encrypted' });
    // It was checked with the provider (the stub's model listing) before it was stored.
    expect(stub.requests.some((request) => request.path === '/v1/models' && request.apiKey === KEY)).toBe(true);
    const file = join(userData, 'anthropic-api-key.enc');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readFile(file, 'utf8')).not.toContain(KEY);
    expect(shell!.host.backendPid()).not.toBe(firstPid);

    const run = await invoke('execute', { spec: SPEC });
    expect(run.value).toMatchObject({ success: true, output: 'Paris is the capital of France.' });
    expect(stub.requests.at(-1)?.apiKey).toBe(KEY);
    const page = await invoke('listRuns', { limit: 10 });
    expect(page.value.runs[0].id).toBe(run.value.id);
    expect(JSON.stringify(await invoke('getSnapshot'))).not.toContain(KEY);

    const removed = await invoke('removeProviderKey', 'anthropic');
    expect(removed.value).toMatchObject({ keys: [{ provider: 'anthropic', configured: false, masked_key: null }, { provider: 'openai', configured: false }] });
    expect(existsSync(file)).toBe(false);
  });

  it('refuses IPC from a subframe, another window or another origin, and bad input with a coded error naming the field', async () => {
    await launch();
    const contents = FakeBrowserWindow.instances[0]!.webContents;
    const other = new FakeBrowserWindow(FakeBrowserWindow.instances[0]!.options);
    await other.loadURL('app://sentinel/index.html');
    for (const from of [
      ipcEventFrom(contents, fakeFrame('app://sentinel/index.html', contents.mainFrame)),
      ipcEventFrom(other.webContents),
      ipcEventFrom(contents, fakeFrame('https://evil.example/', null, { processId: contents.mainFrame.processId, routingId: contents.mainFrame.routingId })),
      ipcEventFrom(contents, null),
    ]) {
      expect(await electron.ipcMain.invoke(from, 'sentinel:getSnapshot')).toMatchObject({ error: { code: 'DESKTOP_ERR_FORBIDDEN' } });
    }
    expect(await invoke('execute', { spec: 'x' })).toMatchObject({ error: { code: 'DESKTOP_ERR_INVALID_INPUT', details: { field: 'spec' } } });
    expect(await invoke('getTest', '../etc/passwd')).toMatchObject({ error: { code: 'DESKTOP_ERR_INVALID_INPUT', details: { field: 'id' } } });
    // One IPC channel per function of the table, nothing else.
    expect([...electron.ipcMain.handlers.keys()].sort()).toEqual(WORKSPACE_BRIDGE_METHODS.map((method) => `sentinel:${method}`).sort());
  });

  it('a SIGKILLed backend: OS notifications, a waiting request is served after the reconnect', async () => {
    await launch();
    await invoke('saveProviderKey', 'anthropic', KEY);
    const pid = shell!.host.backendPid()!;
    const reconnected = waitForEvent((event) => event.type === 'connection' && event.status.phase === 'connected' && event.status.reconnected);
    const reconnecting = waitForEvent((event) => event.type === 'connection' && event.status.phase === 'reconnecting');
    process.kill(pid, 'SIGKILL');
    await reconnecting;
    const waiting = invoke('listRuns', {}); // sent while the backend is down: waits, then answers
    await reconnected;
    expect((await waiting).value).toHaveProperty('runs');
    expect(shownNotifications.map((n) => n.title)).toEqual(['Sentinel backend stopped', 'Sentinel reconnected']);
  });

  it('a hung backend (SIGSTOP) shows "not responding", then is replaced and reconnects', async () => {
    await launch();
    const pid = shell!.host.backendPid()!;
    const phases: string[] = [];
    shell!.host.onEvent((event) => {
      if (event.type === 'connection') phases.push(event.status.phase);
    });
    const back = waitForEvent((event) => event.type === 'connection' && event.status.phase === 'connected' && event.status.reconnected);
    process.kill(pid, 'SIGSTOP');
    const event = await back;
    expect(event).toBeDefined();
    expect(phases).toContain('unresponsive');
    expect(phases.indexOf('unresponsive')).toBeLessThan(phases.indexOf('reconnecting'));
    const reconnecting = shell!.host.getSnapshot().connection;
    expect(reconnecting.phase).toBe('connected');
    await waitGone(pid);
  });

  it('an execute cut off by a crash says the run was interrupted', async () => {
    await launch();
    await invoke('saveProviderKey', 'anthropic', KEY);
    stub.setBehavior({ hang: true });
    const requestsBefore = stub.requests.length;
    const running = invoke('execute', { spec: SPEC });
    await expect.poll(() => stub.requests.length, { timeout: 60_000 }).toBeGreaterThan(requestsBefore);
    process.kill(shell!.host.backendPid()!, 'SIGKILL');
    const answer = await running;
    expect(answer.error?.code).toBe('RUN_INTERRUPTED');
    expect(answer.error?.message).toMatch(/interrupted/);
  });

  it('a second instance quits at once; the first focuses its window', async () => {
    await launch();
    const second = new FakeApp(userData, false);
    expect(await startElectronShell(fakeElectron(second), { sidecarPath: devSidecarPath(), rendererDir, preloadPath, createSupervisor: createDefaultSupervisor, createClient: createDefaultClient })).toBeUndefined();
    expect(second.quitCalls).toBe(1);
    const [window] = FakeBrowserWindow.instances;
    window!.minimized = true;
    app.emit('second-instance');
    expect(window!.restoreCalls).toBe(1);
    expect(window!.focusCalls).toBe(1);
  });

  it('quitting waits for the backend to stop, then exits', async () => {
    await launch();
    const pid = shell!.host.backendPid()!;
    app.quit();
    await shell!.quitted;
    expect(app.exitCode).toBe(0);
    await waitGone(pid, 1_000);
    expect(shell!.host.backendPid()).toBeUndefined();
    expect(electron.ipcMain.handlers.size).toBe(0);
  });
});

describe('Electron shell when the backend cannot be spawned at all', () => {
  it('a missing backend file: the failed state with the reason at once, instead of a restart loop', async () => {
    const failedEvent = new Promise<HostEvent>((resolvePromise) => {
      const check = setInterval(() => {
        const status = shell?.host.getSnapshot().connection;
        if (status?.phase === 'failed') {
          clearInterval(check);
          resolvePromise({ type: 'connection', status });
        }
      }, 20);
    });
    shell = await startElectronShell(electron, {
      sidecarPath: join(userData, 'no-such-backend.mjs'),
      rendererDir,
      preloadPath,
      createSupervisor: createDefaultSupervisor,
      createClient: createDefaultClient,
    });
    const event = await failedEvent;
    expect(event.type === 'connection' && event.status.phase === 'failed' && event.status.reason).toMatch(/no-such-backend\.mjs.*ENOENT/);
    expect(electron.utilityProcess.forks).toHaveLength(0); // refused before any fork
    expect((await invoke('listRuns', {})).error?.code).toMatch(/BACKEND_UNAVAILABLE$/);
  });
});
