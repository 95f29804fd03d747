import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { childrenOf, isGone, waitGone } from './helpers/processes.js';

// Browser mode as a user runs it (dist/browser/main.js in a terminal): Enter prints a fresh one-time
// link, so a second browser signs in without a restart; each link works once.
const entry = resolve(import.meta.dirname, '..', 'dist', 'browser', 'main.js');
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const LINK = /(http:\/\/127\.0\.0\.1:\d+\/login#\S+)$/;
const WAIT = { timeout: 60_000 };

let dataDir: string;
let child: ChildProcess;
let browser: Browser;
const lines: string[] = [];
let waiting: ((line: string) => void) | undefined;

/** The next line printed by browser mode that holds a login link. */
function nextLink(): Promise<string> {
  const printed = lines.splice(0).find((line) => LINK.test(line));
  if (printed) return Promise.resolve(LINK.exec(printed)![1]!);
  return new Promise((resolvePromise) => {
    waiting = (line) => {
      if (!LINK.test(line)) return;
      waiting = undefined;
      resolvePromise(LINK.exec(line)![1]!);
    };
  });
}

async function openIn(link: string): Promise<Page> {
  const context = await browser.newContext(); // a separate cookie jar and storage: another browser
  const page = await context.newPage();
  await page.goto(link);
  return page;
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'sentinel-second-'));
  child = spawn(process.execPath, [entry], { env: { ...process.env, SENTINEL_DATA_DIR: dataDir }, stdio: ['pipe', 'pipe', 'inherit'] });
  createInterface({ input: child.stdout! }).on('line', (line) => (waiting ? waiting(line) : lines.push(line)));
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  if (child?.pid && !isGone(child.pid)) child.kill('SIGKILL');
  await rm(dataDir, { recursive: true, force: true });
});

it('Enter in the terminal prints a fresh link: a second browser signs in without a restart, each link works once', async () => {
  const first = await nextLink();
  expect(first).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/login#[\w-]{32}$/);
  const browserA = await openIn(first);
  await browserA.locator('#status-pill[data-phase="connected"]').waitFor(WAIT);
  await browserA.getByRole('heading', { name: 'Library' }).waitFor(WAIT);

  // The used link does not sign in another browser...
  const reused = await openIn(first);
  await reused.getByText('This login link was already used').waitFor(WAIT);

  // ...a fresh one, asked for with Enter, does.
  child.stdin!.write('\n');
  const second = await nextLink();
  expect(second).not.toBe(first);
  const browserB = await openIn(second);
  await browserB.locator('#status-pill[data-phase="connected"]').waitFor(WAIT);
  await browserB.getByRole('heading', { name: 'Library' }).waitFor(WAIT);

  // Both stay signed in, also across a reload.
  await browserA.reload();
  await browserA.locator('#status-pill[data-phase="connected"]').waitFor(WAIT);

  const backends = await childrenOf(child.pid!);
  expect(backends).toHaveLength(1);
  const exited = new Promise<number | null>((resolvePromise) => child.once('exit', (code) => resolvePromise(code)));
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
  for (const pid of backends) await waitGone(pid);
});
