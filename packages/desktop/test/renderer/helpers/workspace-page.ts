/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// (DOM types for the callbacks that run in the page.)
import { execFileSync } from 'node:child_process';
import { mkdir, readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { WORKSPACE_BRIDGE_METHODS, type WorkspaceEvent } from '../../../src/shared/workspace-bridge.js';
import { screenshotsRequested, SCREENSHOTS_DIR } from '../../helpers/screenshots.js';
import type { FakeHost } from './fake-host.js';

const packageDir = resolve(import.meta.dirname, '..', '..', '..');
const rendererDir = join(packageDir, 'dist', 'renderer');
export const WORKSPACE_URL = pathToFileURL(join(rendererDir, 'index.html')).href;

/** The newest modification time under `dir`. */
async function newest(dir: string): Promise<number> {
  let latest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) latest = Math.max(latest, (await stat(join(entry.parentPath, entry.name))).mtimeMs);
  }
  return latest;
}

/** Build the renderer when its bundle is missing or older than a source file (dist/ only; nothing committed is written). */
export async function ensureRendererBuilt(): Promise<void> {
  const built = await stat(join(rendererDir, 'app.js')).then((info) => info.mtimeMs, () => 0);
  const sources = Math.max(await newest(join(packageDir, 'src', 'renderer')), await newest(join(packageDir, 'src', 'shared')));
  if (built >= sources) return;
  execFileSync(process.execPath, [join(packageDir, 'scripts', 'build-renderer.mjs')], { cwd: packageDir, stdio: 'inherit' });
}

export async function launchChromium(): Promise<Browser> {
  await ensureRendererBuilt();
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export interface WorkspacePage {
  readonly page: Page;
  /** Page errors and console errors (CSP violations among them); a test expects none. */
  readonly errors: string[];
  /** Push an event from the host, as the preload delivers one. */
  emit(event: WorkspaceEvent): Promise<void>;
  /** Load a route (a hash such as `#/library`). */
  open(hash: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * The built renderer from file:// under its CSP, with `window.sentinelIpc` shaped like the
 * preload's (each workspace function answering an envelope) wired to `host` in this process.
 */
export async function openWorkspace(browser: Browser, host: FakeHost, hash = '#/library'): Promise<WorkspacePage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.exposeFunction('__sentinelHostCall', (method: string, args: unknown[]) => host.call(method, args));
  await page.addInitScript(`(() => {
    const listeners = new Set();
    window.__sentinelHostEmit = (event) => listeners.forEach((listener) => listener(event));
    const api = { onEvent: (listener) => (listeners.add(listener), () => listeners.delete(listener)) };
    for (const method of ${JSON.stringify(WORKSPACE_BRIDGE_METHODS)}) api[method] = (...args) => window.__sentinelHostCall(method, args);
    window.sentinelIpc = api;
  })();`);
  const open = async (target: string): Promise<void> => {
    await page.goto(`${WORKSPACE_URL}${target}`);
  };
  await open(hash);
  return {
    page,
    errors,
    emit: (event) => page.evaluate((payload) => (window as unknown as { __sentinelHostEmit: (event: unknown) => void }).__sentinelHostEmit(payload), event as unknown),
    open,
    close: () => context.close(),
  };
}

/** Save `screenshots/components/<name>.png` when asked (`npm run screenshots`), never in a normal run. */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (!screenshotsRequested()) return;
  const dir = join(SCREENSHOTS_DIR, 'components');
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}
