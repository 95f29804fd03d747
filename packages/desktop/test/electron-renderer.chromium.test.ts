/// <reference lib="dom" />
// (DOM types for the callbacks that run in the page.)
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startAnthropicStub, type AnthropicStub } from '@sentinel/backend/testing';
import { startElectronShell, type ElectronShell } from '../src/electron/shell.js';
import { createDefaultClient, createDefaultSupervisor, devSidecarPath } from '../src/host/defaults.js';
import { WORKSPACE_BRIDGE_METHODS } from '../src/shared/workspace-bridge.js';
import { FakeApp, FakeBrowserWindow, fakeElectron, ipcEventFrom } from './helpers/fake-electron.js';
import { CHROMIUM, go, nav, pageProblems } from './helpers/flow-page.js';
import { typeYaml } from './helpers/yaml-tab.js';
import { waitGone } from './helpers/processes.js';
import { ANTHROPIC_KEY, TEMPLATES_DIR } from './helpers/workspace-host.js';

// The workspace as Electron loads it: every file answered by the shell's app://sentinel protocol
// handler (with its CSP header, under the CSP meta tag), talking through `window.sentinelIpc` (what
// the preload exposes: every function of the bridge's table) to the shell's IPC handlers. Chromium
// stands in for Electron's renderer; it cannot load a custom scheme, so the page's origin is
// http://sentinel.invalid, routed to the handler. The shell (Electron API faked), supervisor and
// backend are real.
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
  stub = await startAnthropicStub({ apiKey: ANTHROPIC_KEY, behavior: { text: 'Canberra.' } });
  const electron = fakeElectron(new FakeApp(join(dir, 'userData')));
  FakeBrowserWindow.instances.length = 0;
  shell = await startElectronShell(electron, {
    sidecarPath: devSidecarPath(),
    rendererDir,
    preloadPath: join(packageDir, 'dist', 'electron', 'preload.cjs'),
    createSupervisor: createDefaultSupervisor,
    createClient: createDefaultClient,
    backendEnv: { ANTHROPIC_BASE_URL: stub.baseUrl },
  });
  context = await chromium.launchPersistentContext(join(dir, 'chromium-profile'), CHROMIUM);
  page = context.pages()[0] ?? (await context.newPage());
  pageProblems(page, pageErrors);
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
    for (const method of ${JSON.stringify(WORKSPACE_BRIDGE_METHODS)}) api[method] = (...args) => window.__ipcInvoke('sentinel:' + method, args);
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

it('loads through the app protocol under the CSP; over IPC: a key saved encrypted, a template imported and run, a backend error at its line', async () => {
  await page.goto(`${PAGE_ORIGIN}/index.html`);
  await page.locator('#status-pill[data-phase="connected"]').waitFor(WAIT);
  expect(await page.locator('body').getAttribute('data-mode')).toBe('electron');

  await nav(page, 'Settings');
  expect(await page.locator('.settings').textContent()).toContain('Keys are stored encrypted with the system keychain');
  const row = page.locator('[data-provider="anthropic"]');
  await row.locator('input').fill(ANTHROPIC_KEY);
  await row.getByRole('button', { name: 'Check and save' }).click();
  await row.getByText('Anthropic accepted the key').waitFor(WAIT);
  expect(await readFile(join(dir, 'userData', 'anthropic-api-key.enc'), 'utf8')).not.toContain(ANTHROPIC_KEY);

  await nav(page, 'Library');
  await page.setInputFiles('#import-files', [join(TEMPLATES_DIR, 'simple-qa.yaml')]);
  await page.locator('.library-item[data-id="simple-qa"]').waitFor(WAIT);
  await go(page, '#/run/test/simple-qa');
  await page.locator('#run-button').click();
  await page.locator('.run-detail[data-success="true"]').waitFor(WAIT);
  expect(await page.locator('.run-detail .output').textContent()).toBe('Canberra.');

  // A backend error comes back as a coded envelope and is shown at the line it names.
  await go(page, '#/editor/test/simple-qa');
  await page.getByRole('tab', { name: 'YAML' }).click();
  await typeYaml(page, 'name: Broken\nmodel: claude-sonnet-4-6\ninputs:\n  query: Hi\nassertions:\n  - max_length: -3\n');
  await page.locator('#yaml-problem[data-line="6"]').waitFor(WAIT);
  // No CSP violation or script error while doing all that (the meta CSP has no frame-ancestors).
  expect(pageErrors).toEqual([]);
});
