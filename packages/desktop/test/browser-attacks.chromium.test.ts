import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserMode, type BrowserMode } from '../src/browser/start-browser-mode.js';
import { SESSION_HEADER } from '../src/shared/bridge-protocol.js';
import { createDefaultClient, createDefaultSupervisor, devSidecarPath } from '../src/host/defaults.js';
import { startAnthropicStub, type AnthropicStub } from '@sentinel/backend/testing';
import { nav } from './helpers/flow-page.js';
import { startHostileServer, type HostileServer } from './helpers/hostile-server.js';
import { waitGone } from './helpers/processes.js';

// The security review's two attacks, in real headless Chromium against browser mode (real host,
// supervisor and backend): a page served by another local process on another 127.0.0.1 port,
// loaded in the same browser, (1) gets the session cookie and tries to use the session, from the
// page and with curl; (2) overwrites the cookie to lock the real UI out.
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const KEY = 'sk-ant-api03-real-user-key-000000-ABCD';
const WAIT = { timeout: 60_000 };

interface LogRecord {
  msg: string;
  refused?: string;
  origin?: string | null;
  status?: number;
}

let dir: string;
let mode: BrowserMode;
let stub: AnthropicStub;
let hostile: HostileServer;
let browser: Browser;
let context: BrowserContext;
let ui: Page;
let backendPid: number | undefined;
const logs: LogRecord[] = [];

const keyFile = () => join(dir, 'app', 'anthropic-api-key.txt');
/** Every cookie of this Sentinel in the browser, whatever its Path. */
const sentinelCookies = async () => (await context.cookies()).filter((cookie) => cookie.name.startsWith(`sentinel-${new URL(mode.server.origin).port}-`));

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sentinel-attacks-'));
  stub = await startAnthropicStub({ apiKey: KEY });
  mode = await startBrowserMode({
    sidecarPath: devSidecarPath(),
    dataDir: join(dir, 'app'),
    createSupervisor: createDefaultSupervisor,
    createClient: createDefaultClient,
    backendEnv: { ANTHROPIC_BASE_URL: stub.baseUrl },
    logger: { level: 'warn', stream: { write: (line: string) => void logs.push(JSON.parse(line) as LogRecord) } },
  });
  mode.host.onEvent(() => (backendPid = mode.host.backendPid() ?? backendPid));
  hostile = await startHostileServer(mode.server.origin);
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  context = await browser.newContext();
  ui = await context.newPage();
  await ui.goto(mode.server.loginUrl());
  await ui.getByRole('heading', { name: 'Library' }).waitFor(WAIT);
  await ui.locator('#status-pill[data-phase="connected"]').waitFor(WAIT);
  expect(new URL(ui.url()).pathname + new URL(ui.url()).hash).toBe('/'); // the token left the address bar
});

afterAll(async () => {
  await browser?.close();
  await hostile?.close();
  await mode?.close();
  await stub?.close();
  if (backendPid) await waitGone(backendPid);
  await rm(dir, { recursive: true, force: true });
});

describe('a hostile page on another 127.0.0.1 port, in the same browser', () => {
  let attacks: Record<string, unknown>;
  let stolenCookie: string;

  it('receives the session cookie (browsers share cookies across ports) but cannot read it from script', async () => {
    const page = await context.newPage();
    await page.goto(hostile.origin);
    attacks = (await page.waitForFunction('window.__attacks', undefined, WAIT).then((handle) => handle.jsonValue())) as Record<string, unknown>;
    await page.close();
    const [cookie] = await sentinelCookies();
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    // The premise of the review: the other server got the cookie in its requests...
    const header = hostile.cookieHeaders.find((value) => value.includes(cookie!.name));
    expect(header).toContain(`${cookie!.name}=${cookie!.value}`);
    stolenCookie = `${cookie!.name}=${cookie!.value}`;
    // ...while its script cannot read it (HttpOnly), nor Sentinel's page secret.
    expect(attacks.documentCookie).toBe('');
    expect(attacks.frameAndReadStorage).toMatch(/^blocked/);
  });

  it('fetch, XHR, beacon and form posts from the page get nothing and change nothing', async () => {
    expect(attacks).toMatchObject({
      fetchNoCors: expect.stringMatching(/^blocked/), // sent (and refused, below); the answer is withheld (CORP same-origin)
      fetchCorsSimple: expect.stringMatching(/^blocked/),
      fetchWithSecretHeader: expect.stringMatching(/^blocked/), // the CORS preflight is refused
      fetchEvents: expect.stringMatching(/^blocked/),
      xhr: expect.stringMatching(/^blocked/),
      formPost: 'submitted',
    });
    // Every request that reached Sentinel from that page was refused for its Origin, before the body was read.
    const refusedFromHostile = logs.filter((record) => record.origin === hostile.origin);
    expect(refusedFromHostile.length).toBeGreaterThanOrEqual(5);
    expect(refusedFromHostile.every((record) => record.refused === 'DESKTOP_ERR_FORBIDDEN_ORIGIN' && record.status === 403)).toBe(true);
    expect(new Set(refusedFromHostile.map((record) => (record as { url?: string }).url))).toEqual(
      new Set(['/bridge/getSnapshot', '/bridge/listRuns', '/bridge/events', '/bridge/saveProviderKey']),
    );
    expect(existsSync(keyFile())).toBe(false);
    expect(mode.host.getSnapshot().settings.keys.some((key) => key.configured)).toBe(false);
  });

  it('the stolen cookie used with curl (no browser) is refused, with or without a forged Origin', async () => {
    const post = (path: string, headers: Record<string, string>) =>
      fetch(`${mode.server.origin}${path}`, { method: 'POST', headers: { cookie: stolenCookie, 'content-type': 'application/json', ...headers }, body: JSON.stringify({ args: ['anthropic', 'sk-ant-api03-replaced-by-curl'] }) });
    const forged = { origin: mode.server.origin };
    expect((await post('/bridge/listRuns', {})).status).toBe(403);
    const answers = await Promise.all([
      post('/bridge/listRuns', forged),
      post('/bridge/saveProviderKey', forged),
      post('/bridge/saveProviderKey', { ...forged, [SESSION_HEADER]: 'a-guessed-secret' }),
      post('/bridge/events', forged),
      post('/session/renew', forged),
    ]);
    for (const answer of answers) {
      expect(answer.status).toBe(401);
      expect(((await answer.json()) as { error: { code: string } }).error.code).toBe('DESKTOP_ERR_SIGNED_OUT');
    }
    expect(existsSync(keyFile())).toBe(false);
  });
});

describe('overwriting the cookie from another port does not lock the real UI out', () => {
  it('the UI renews its cookie with its page secret and keeps working, also after a reload', async () => {
    const [original] = await sentinelCookies();
    hostile.plantCookies([`${original!.name}=overwritten; Path=/; HttpOnly; SameSite=Strict`, `${original!.name}=shadow; Path=/bridge; SameSite=Strict`]);
    const page = await context.newPage();
    await page.goto(hostile.origin);
    await page.close();
    const planted = await sentinelCookies();
    expect(planted.map((cookie) => cookie.value).sort()).toEqual(['overwritten', 'shadow']);

    // A state-changing call from the open UI: the key is checked, saved and the backend restarted with it.
    await nav(ui, 'Settings');
    const row = ui.locator('[data-provider="anthropic"]');
    await row.locator('input').fill(KEY);
    await row.getByRole('button', { name: 'Check and save' }).click();
    await row.getByText('Anthropic accepted the key').waitFor(WAIT);
    expect(existsSync(keyFile())).toBe(true);
    // Each bridge call that arrived with the planted cookie renewed it (calls in parallel may each do so).
    const renewals = (): number => logs.filter((record) => record.msg.startsWith('session cookie renewed')).length;
    const renewedOnce = renewals();
    expect(renewedOnce).toBeGreaterThanOrEqual(1);
    const renewed = (await sentinelCookies()).find((cookie) => cookie.path === '/');
    expect(renewed!.value).not.toBe('overwritten');
    expect(renewed!.value).not.toBe(original!.value);

    // Overwritten again, then a reload: the page (public) loads, its secret survives in sessionStorage.
    hostile.plantCookies([`${original!.name}=overwritten-again; Path=/`]);
    const again = await context.newPage();
    await again.goto(hostile.origin);
    await again.close();
    await ui.reload();
    await ui.locator('#status-pill[data-phase="connected"]').waitFor(WAIT);
    await expect.poll(() => ui.locator('[data-provider="anthropic"] .masked-key').textContent(), WAIT).toBe('sk-ant-…ABCD');
    expect(renewals()).toBeGreaterThan(renewedOnce);
    expect((await sentinelCookies()).find((cookie) => cookie.path === '/')!.value).not.toBe('overwritten-again');
  });
});

describe('flooding 127.0.0.1 with big cookies does not lock the real UI out', () => {
  it('the page still loads and calls the bridge when every request carries ~200 KiB of planted cookies', async () => {
    const page = await context.newPage();
    await page.goto(hostile.origin);
    // Script on the hostile page: 50 cookies of ~4 KiB, sent by the browser to every 127.0.0.1 port.
    await page.evaluate(`(() => { for (let i = 0; i < 50; i++) document.cookie = 'flood' + i + '=' + 'x'.repeat(4000) + '; path=/'; })()`);
    // document.cookie writes reach the browser's cookie store asynchronously: wait until all 50 are in.
    const floodCount = async (): Promise<number> => (await context.cookies()).filter((cookie) => cookie.name.startsWith('flood')).length;
    await expect.poll(floodCount, WAIT).toBe(50);
    await page.close();
    await ui.reload();
    await ui.locator('#status-pill[data-phase="connected"]').waitFor(WAIT);
    await expect.poll(() => ui.locator('[data-provider="anthropic"] .masked-key').textContent(), WAIT).toBe('sk-ant-…ABCD');
    await context.clearCookies({ name: /^flood/ });
  });
});

