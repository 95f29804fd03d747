import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BackendHttpError, BackendUnavailableError, RunInterruptedError } from '@sentinel/backend/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpStatusFor } from '../src/browser/http-status.js';
import { startBrowserMode, type BrowserMode } from '../src/browser/start-browser-mode.js';
import { startElectronShell, type ElectronShell } from '../src/electron/shell.js';
import { createDefaultClient, createDefaultSupervisor, devSidecarPath } from '../src/host/defaults.js';
import { DesktopError, toBridgeError } from '../src/host/errors.js';
import type { SentinelHost } from '../src/host/host.js';
import { SESSION_HEADER } from '../src/shared/bridge-protocol.js';
import type { BridgeErrorBody } from '../src/shared/types.js';
import { FakeApp, FakeBrowserWindow, fakeElectron, ipcEventFrom } from './helpers/fake-electron.js';
import { waitGone } from './helpers/processes.js';

// A backend 4xx reaches the UI with its code, status and the fields it names, through both adapters
// (browser-mode HTTP and Electron IPC), with the real backend under the real supervisor.
const packageDir = resolve(import.meta.dirname, '..');
// A JavaScript regex the backend refuses (RE2 has no backreferences), so only the backend can answer it.
const UNSAFE_SPEC = { name: 'Backreference', model: 'claude-haiku-4-5', inputs: { query: 'Say aa' }, assertions: [{ regex: '(a)\\1' }] };
const UNKNOWN_RUN = '0123456789abcdef01234567';
// A spec with a misspelt field and YAML that does not parse: the backend's answers name the field, the line.
const MISSPELT_SPEC = { ...UNSAFE_SPEC, assertions: [{ must_contian: 'a' }] };
const BROKEN_YAML = 'name: Broken\nmodel: claude-haiku-4-5\ninputs:\n  query: a: b\n';
const EXPECTED = {
  badRunId: { code: 'DESKTOP_ERR_INVALID_INPUT', details: { field: 'id' } },
  misspelt: { code: 'VALIDATION_ERROR', status: 400, details: { field: 'test_spec.assertions[0].must_contian' } },
  brokenYaml: { code: 'INVALID_YAML', status: 400, details: { line: 4, column: 10 } },
  unknownRun: { code: 'RUN_NOT_FOUND', status: 404, details: { id: UNKNOWN_RUN } },
  unsafeRegex: { code: 'UNSAFE_REGEX', status: 400, details: { field: 'test_spec.assertions[0].regex' } },
};

function connectedOnce(host: SentinelHost): Promise<void> {
  return new Promise((resolvePromise) => {
    if (host.getSnapshot().connection.phase === 'connected') return resolvePromise();
    const stop = host.onEvent((event) => {
      if (event.type === 'connection' && event.status.phase === 'connected') {
        stop();
        resolvePromise();
      }
    });
  });
}

describe('toBridgeError and the browser-mode status', () => {
  it.each([
    [new BackendHttpError(400, 'VALIDATION_ERROR', 'test_spec.model is required', { field: 'test_spec.model', nested: { no: 1 } }), { code: 'VALIDATION_ERROR', status: 400, details: { field: 'test_spec.model' } }, 400],
    [new BackendHttpError(400, 'INVALID_YAML', 'bad indentation', { line: 3, column: 5 }), { code: 'INVALID_YAML', status: 400, details: { line: 3, column: 5 } }, 400],
    [new BackendHttpError(502, 'UPSTREAM_ERROR', 'Anthropic answered 529', { provider: 'anthropic', upstream_status: 529 }), { code: 'UPSTREAM_ERROR', status: 502, details: { upstream_status: 529 } }, 502],
    [new BackendHttpError(500, 'INTERNAL_ERROR', 'Internal error', {}), { code: 'INTERNAL_ERROR', status: 500 }, 502],
    [new RunInterruptedError(), { code: 'RUN_INTERRUPTED' }, 503],
    [new BackendUnavailableError('down'), { code: 'BACKEND_UNAVAILABLE' }, 503],
    [new DesktopError('DESKTOP_ERR_INVALID_INPUT', 'name must be a non-empty string', { details: { field: 'name' } }), { code: 'DESKTOP_ERR_INVALID_INPUT', details: { field: 'name' } }, 400],
    [new Error('boom'), { code: 'DESKTOP_ERR_BACKEND', message: 'boom' }, 502],
  ])('maps %o', (error, body, status) => {
    const mapped = toBridgeError(error);
    expect(mapped).toMatchObject(body);
    expect(JSON.stringify(mapped)).not.toContain('nested');
    expect(httpStatusFor(mapped)).toBe(status);
  });
});

describe('browser mode: a backend 4xx keeps its status, code and field', () => {
  let dir: string;
  let mode: BrowserMode;
  let pid: number | undefined;
  let headers: Record<string, string>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sentinel-errors-browser-'));
    mode = await startBrowserMode({ sidecarPath: devSidecarPath(), dataDir: dir, createSupervisor: createDefaultSupervisor, createClient: createDefaultClient });
    await connectedOnce(mode.host);
    pid = mode.host.backendPid();
    const { origin, host } = new URL(mode.server.origin);
    const token = new URL(mode.server.loginUrl()).hash.slice(1);
    const login = await mode.server.app.inject({ method: 'POST', url: '/session', headers: { host, origin }, payload: { token } });
    headers = { host, origin, [SESSION_HEADER]: login.json<{ secret: string }>().secret, cookie: String(login.headers['set-cookie']).split(';')[0]! };
  });
  afterAll(async () => {
    await mode?.close();
    if (pid) await waitGone(pid);
    await rm(dir, { recursive: true, force: true });
  });

  const call = async (method: string, args: unknown[]): Promise<{ status: number; error: BridgeErrorBody }> => {
    const reply = await mode.server.app.inject({ method: 'POST', url: `/bridge/${method}`, headers, payload: { args } });
    return { status: reply.statusCode, error: reply.json<{ error: BridgeErrorBody }>().error };
  };

  it('400 for a run id the host refuses, naming the field', async () => {
    const { status, error } = await call('getRun', ['no-such-run']);
    expect(status).toBe(400);
    expect(error).toMatchObject(EXPECTED.badRunId);
  });

  it('400 for a spec and a YAML file the backend refuses, naming the field and the line (it was a 502 without them)', async () => {
    const misspelt = await call('createTest', [{ spec: MISSPELT_SPEC }]);
    expect(misspelt.status).toBe(400);
    expect(misspelt.error).toMatchObject(EXPECTED.misspelt);
    const broken = await call('createTest', [{ yaml: BROKEN_YAML }]);
    expect(broken.status).toBe(400);
    expect(broken.error).toMatchObject(EXPECTED.brokenYaml);
  });

  it('404 for an unknown run, with the id', async () => {
    const { status, error } = await call('getRun', [UNKNOWN_RUN]);
    expect(status).toBe(404);
    expect(error).toMatchObject(EXPECTED.unknownRun);
    expect(error.message).toMatch(/run/i);
  });

  it('400 for a regex the backend refuses, naming the field', async () => {
    const { status, error } = await call('execute', [{ spec: UNSAFE_SPEC }]);
    expect(status).toBe(400);
    expect(error).toMatchObject(EXPECTED.unsafeRegex);
  });
});

describe('Electron IPC: the same error bodies', () => {
  let dir: string;
  let shell: ElectronShell | undefined;
  let pid: number | undefined;
  const invoke = (method: string, ...args: unknown[]) =>
    fakeElectronApi.ipcMain.invoke(ipcEventFrom(FakeBrowserWindow.instances[0]!.webContents), `sentinel:${method}`, ...args) as Promise<{ error?: BridgeErrorBody }>;
  let fakeElectronApi: ReturnType<typeof fakeElectron>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sentinel-errors-electron-'));
    FakeBrowserWindow.instances.length = 0;
    fakeElectronApi = fakeElectron(new FakeApp(dir));
    shell = await startElectronShell(fakeElectronApi, {
      sidecarPath: devSidecarPath(),
      rendererDir: join(packageDir, 'dist', 'renderer'),
      preloadPath: join(packageDir, 'dist', 'electron', 'preload.cjs'),
      createSupervisor: createDefaultSupervisor,
      createClient: createDefaultClient,
    });
    await connectedOnce(shell!.host);
    pid = shell!.host.backendPid();
  });
  afterAll(async () => {
    await shell?.host.stop();
    if (pid) await waitGone(pid);
    await rm(dir, { recursive: true, force: true });
  });

  it('a refused run id, an unknown run, a refused regex, a misspelt field and broken YAML come back with status, code and details', async () => {
    expect((await invoke('getRun', 'no-such-run')).error).toMatchObject(EXPECTED.badRunId);
    expect((await invoke('getRun', UNKNOWN_RUN)).error).toMatchObject(EXPECTED.unknownRun);
    expect((await invoke('execute', { spec: UNSAFE_SPEC })).error).toMatchObject(EXPECTED.unsafeRegex);
    expect((await invoke('createTest', { spec: MISSPELT_SPEC })).error).toMatchObject(EXPECTED.misspelt);
    expect((await invoke('createTest', { yaml: BROKEN_YAML })).error).toMatchObject(EXPECTED.brokenYaml);
  });
});
