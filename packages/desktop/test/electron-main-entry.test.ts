import { existsSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { afterAll, expect, it, vi } from 'vitest';
import type { HostEvent } from '../src/shared/types.js';
import type { FakeApp, FakeBrowserWindow, FakeElectron } from './helpers/fake-electron.js';
import { waitGone } from './helpers/processes.js';

// The built Electron entry (dist/electron/main.js) with the `electron` module replaced by fakes:
// proves the entry finds its renderer, preload and backend files and wires the real supervisor.
const fakes = vi.hoisted(() => ({
  app: undefined as FakeApp | undefined,
  electron: undefined as FakeElectron | undefined,
  windows: undefined as (typeof FakeBrowserWindow)['instances'] | undefined,
}));

vi.mock('electron', async () => {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const helpers = await import('./helpers/fake-electron.js');
  const app = Object.assign(new helpers.FakeApp(mkdtempSync(join(tmpdir(), 'sentinel-main-'))), { isPackaged: false });
  fakes.app = app;
  fakes.windows = helpers.FakeBrowserWindow.instances;
  const api = helpers.fakeElectron(app);
  fakes.electron = api;
  return { ...api, default: api };
});

afterAll(async () => {
  if (fakes.app) await rm(fakes.app.userData, { recursive: true, force: true });
});

async function backendChildren(): Promise<number[]> {
  const found: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    if (Number(fields[1]) === process.pid && fields[0] !== 'Z' && cmdline.includes('sentinel-backend.cjs')) found.push(Number(entry));
  }
  return found;
}

it('dist/electron/main.js serves the built renderer at app://sentinel, with the built preload, and starts the backend', async () => {
  // A runtime path, so type-checking does not need this package's own build output.
  const entry = new URL('../dist/electron/main.js', import.meta.url).href;
  await import(entry);
  const window = fakes.windows![0]!;
  expect(window.loadedUrl).toBe('app://sentinel/index.html');
  for (const file of ['index.html', 'app.js', 'styles.css', 'workspace.css']) {
    const answer = await fakes.electron!.protocol.fetch(`app://sentinel/${file}`);
    expect(answer.status, file).toBe(200);
  }
  expect(await (await fakes.electron!.protocol.fetch(window.loadedUrl!)).text()).toContain('<title>Sentinel</title>');
  expect(window.options.webPreferences.preload).toMatch(/dist\/electron\/preload\.cjs$/);
  expect(existsSync(window.options.webPreferences.preload)).toBe(true);

  const connectedEvent = (): boolean =>
    window.webContents.sent.some(({ args }) => {
      const event = args[0] as HostEvent;
      return event.type === 'connection' && event.status.phase === 'connected';
    });
  await expect.poll(connectedEvent, { timeout: 60_000 }).toBe(true);
  const backends = await backendChildren();
  expect(backends).toHaveLength(1);
  // Through utilityProcess.fork of the bundle, not a Node runtime run as ELECTRON_RUN_AS_NODE.
  expect(fakes.electron!.utilityProcess.forks.map((fork) => [fork.modulePath, fork.process.spawnedPid])).toEqual([[expect.stringMatching(/sentinel-backend\.cjs$/), backends[0]]]);

  fakes.app!.quit();
  await expect.poll(() => fakes.app!.exitCode, { timeout: 30_000 }).toBe(0);
  for (const pid of backends) await waitGone(pid);
});
