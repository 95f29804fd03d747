import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startAnthropicStub, type AnthropicStub } from '@sentinel/backend/testing';
import { startElectronShell, type ElectronShell } from '../src/electron/shell.js';
import { createDefaultClient, createDefaultSupervisor, devSidecarPath } from '../src/host/defaults.js';
import { BRIDGE_METHODS } from '../src/shared/types.js';
import { FakeApp, FakeBrowserWindow, fakeElectron, ipcEventFrom } from './helpers/fake-electron.js';
import { waitGone } from './helpers/processes.js';

// The renderer as Electron loads it: every file answered by the shell's app://sentinel protocol
// handler (with its CSP header, under the CSP meta tag), talking through `window.sentinelIpc` (what
// the preload exposes) to the shell's IPC handlers. Chromium stands in for Electron's renderer; it
// cannot load a custom scheme, so the page's origin is http://sentinel.invalid, routed to the
// handler. The shell (Electron API faked), supervisor and backend are real.
const packageDir = resolve(import.meta.dirname, '..');
const rendererDir = join(packageDir, 'dist', 'renderer');
const PAGE_ORIGIN = 'http://sentinel.invalid';
const WAIT = { timeout: 60_000 };

let dir: string;
let stub: AnthropicStub;
let shell: ElectronShell | undefined;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sentinel-erenderer-'));
  stub = await startAnthropicStub({ behavior: { text: 'Paris.' } });
  const app = new FakeApp(join(dir, 'userData'));
  const electron = fakeElectron(app);
  FakeBrowserWindow.instances.length = 0;
  shell = await startElectronShell(electron, {
    sidecarPath: devSidecarPath(),
    rendererDir,
    preloadPath: join(packageDir, 'dist', 'electron', 'preload.cjs'),
    createSupervisor: createDefaultSupervisor,
    createClient: createDefaultClient,
    backendEnv: { ANTHROPIC_BASE_URL: stub.url },
  });
  context = await chromium.launchPersistentContext(join(dir, 'chromium-profile'), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  // What the preload gives the page: named functions over IPC, and pushed events.
  const contents = FakeBrowserWindow.instances[0]!.webContents;
  await context.route(`${PAGE_ORIGIN}/**`, async (route) => {
    const answer = await electron.protocol.fetch(route.request().url().replace(PAGE_ORIGIN, 'app://sentinel'));
    await route.fulfill({ status: answer.status, headers: Object.fromEntries(answer.headers), body: Buffer.from(await answer.arrayBuffer()) });
  });
  // Calls come from the main frame of the shell's window, as Electron would report them.
  await page.exposeFunction('__ipcInvoke', (channel: string, args: unknown[]) => electron.ipcMain.invoke(ipcEventFrom(contents), channel, ...args));
  await page.addInitScript(`(() => {
    const listeners = new Set();
    window.__ipcEvent = (event) => listeners.forEach((listener) => listener(event));
    const api = { onEvent: (listener) => (listeners.add(listener), () => listeners.delete(listener)) };
    for (const method of ${JSON.stringify(BRIDGE_METHODS)}) api[method] = (...args) => window.__ipcInvoke('sentinel:' + method, args);
    window.sentinelIpc = Object.freeze(api);
  })()`);
  contents.send = (_channel: string, event: unknown) => {
    void page.evaluate(`window.__ipcEvent && window.__ipcEvent(${JSON.stringify(event)})`).catch(() => undefined);
  };
});

afterAll(async () => {
  await context?.close();
  const pid = shell?.host.backendPid();
  await shell?.host.stop();
  if (pid) await waitGone(pid);
  await stub?.close();
  await rm(dir, { recursive: true, force: true });
});

it('loads through the app protocol under the CSP, sets up the key over IPC, runs a test and shows a coded error', async () => {
  await page.goto(`${PAGE_ORIGIN}/index.html`);
  await page.getByRole('heading', { name: 'Welcome to Sentinel' }).waitFor(WAIT);
  expect(await page.locator('body').getAttribute('data-mode')).toBe('electron');
  expect(await page.locator('.hint').textContent()).toContain('Stored encrypted with the system keychain');

  await page.locator('#api-key').fill('sk-ant-api03-renderer-ipc-key-5555');
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await page.locator('#status-pill[data-phase="connected"]').waitFor(WAIT);
  await page.locator('#run-button').click();
  await page.locator('.result[data-success="true"]').waitFor(WAIT);
  expect(await page.locator('#result-output').textContent()).toBe('Paris.');

  // Errors come back as coded envelopes and are shown plainly.
  await page.locator('#test-name').fill(' ');
  await page.locator('#run-button').click();
  await page.locator('.result.error').waitFor(WAIT);
  expect(await page.locator('.result.error').textContent()).toContain('name must be a non-empty string');
  // No CSP violation or script error while doing all that (the meta CSP has no frame-ancestors).
  expect(pageErrors.filter((text) => !text.includes('favicon'))).toEqual([]);
});
