/// <reference lib="dom" />
// (DOM types for the callbacks that run in the page.)
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserMode, type BrowserMode } from '../src/browser/start-browser-mode.js';
import { createDefaultClient, createDefaultSupervisor } from '../src/host/defaults.js';
import { CHROMIUM, go, nav, pageProblems } from './helpers/flow-page.js';
import { typeYaml, yamlShown } from './helpers/yaml-tab.js';
import { waitForHostEvent } from './helpers/host-events.js';
import { waitGone } from './helpers/processes.js';
import { saveScreenshot } from './helpers/screenshots.js';
import { copySidecar } from './helpers/sidecar.js';
import { control } from './renderer/helpers/form-filler.js';
import { ANTHROPIC_KEY, OPENAI_KEY, TEMPLATES_DIR } from './helpers/workspace-host.js';
import { startAnthropicStub, startOpenAIStub, type AnthropicStub, type OpenAIStub } from '@sentinel/backend/testing';

// The workspace as a user meets it, in real headless Chromium against browser mode: the real backend
// bundle under the real supervisor, Anthropic and OpenAI stubs that accept one key each. First start,
// keys, the starter templates imported, a test edited in YAML (an error at its line, fixed, saved),
// the editor's text through a backend crash and a page reload, runs, history, trends and logs.
// `npm run screenshots` saves each state to packages/desktop/screenshots/.
const WAIT = { timeout: 60_000 };
const ANSWER = 'The capital of Australia is Canberra.';

let dir: string;
let anthropic: AnthropicStub;
let openai: OpenAIStub;
let mode: BrowserMode;
let context: BrowserContext;
let page: Page;
let sidecar: Awaited<ReturnType<typeof copySidecar>>;
const backendPids = new Set<number>();
const pageErrors: string[] = [];

const shot = (name: string, fullPage = false): Promise<void> => saveScreenshot(page, name, { fullPage });
const appDir = (...parts: string[]): string => join(dir, 'app', ...parts);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sentinel-flow-'));
  anthropic = await startAnthropicStub({ apiKey: ANTHROPIC_KEY, behavior: { text: ANSWER } });
  openai = await startOpenAIStub({ apiKey: OPENAI_KEY });
  sidecar = await copySidecar(dir);
  await sidecar.slowDown(4_500);
  mode = await startBrowserMode({
    sidecarPath: sidecar.path,
    dataDir: appDir(),
    createSupervisor: createDefaultSupervisor,
    createClient: createDefaultClient,
    backendEnv: { ANTHROPIC_BASE_URL: anthropic.baseUrl, OPENAI_BASE_URL: openai.baseUrl },
  });
  mode.host.onEvent(() => {
    const pid = mode.host.backendPid();
    if (pid !== undefined) backendPids.add(pid);
  });
  context = await chromium.launchPersistentContext(join(dir, 'chromium-profile'), { ...CHROMIUM, viewport: { width: 1280, height: 860 }, acceptDownloads: true });
  page = context.pages()[0] ?? (await context.newPage());
  pageProblems(page, pageErrors);
  // Notes (in the tab's sessionStorage, which outlives a reload) how each draft write was sent.
  await page.addInitScript(() => {
    const send = window.fetch.bind(window);
    window.fetch = (input, init) => {
      if (String(input).endsWith('/bridge/saveDraft')) {
        const sent = JSON.parse(sessionStorage.getItem('test.draftWrites') ?? '[]') as boolean[];
        sessionStorage.setItem('test.draftWrites', JSON.stringify([...sent, init?.keepalive === true]));
      }
      return send(input, init);
    };
  });
});

afterAll(async () => {
  await context?.close();
  await mode?.close();
  await Promise.all([anthropic?.close(), openai?.close()]);
  for (const pid of backendPids) await waitGone(pid);
  await rm(dir, { recursive: true, force: true });
});

describe('the workspace in browser mode, first start to trends', () => {
  it('signs in with the link; a slow start shows progress; the first run says to add a key', async () => {
    await page.goto(mode.server.loginUrl());
    await page.locator('#banner[data-phase="starting"] progress').waitFor(WAIT);
    expect(await page.locator('#banner').textContent()).toMatch(/Still starting the backend… \d+ s/);
    await shot('00-starting-slow');
    await sidecar.restore();
    await page.locator('#status-pill[data-phase="connected"]').waitFor(WAIT);
    expect(new URL(page.url()).hash).toBe(''); // the one-time token left the address bar
    await page.getByText('The library is empty.').waitFor(WAIT);
    expect(await page.locator('#no-key-notice').textContent()).toContain('Add an Anthropic or OpenAI key in Settings');
    await shot('01-first-run');
  });

  it('Settings: a key the provider refuses says why and is not saved; good keys are checked, stored 0600 and only shown masked', async () => {
    await nav(page, 'Settings');
    const row = page.locator('[data-provider="anthropic"]');
    await row.locator('input').fill('sk-ant-api03-not-the-right-key-0000');
    await row.getByRole('button', { name: 'Check and save' }).click();
    const refused = row.locator('[data-field="key"]').getByRole('alert');
    await refused.waitFor(WAIT);
    expect(await refused.textContent()).toMatch(/401.*The Anthropic key was not saved\.$/);
    expect(existsSync(appDir('anthropic-api-key.txt'))).toBe(false);
    await shot('02-settings-key-refused');

    await row.locator('input').fill(ANTHROPIC_KEY);
    await row.getByRole('button', { name: 'Check and save' }).click();
    await row.getByText('Anthropic accepted the key').waitFor(WAIT);
    const openaiRow = page.locator('[data-provider="openai"]');
    await openaiRow.locator('input').fill(OPENAI_KEY);
    await openaiRow.getByRole('button', { name: 'Check and save' }).click();
    await openaiRow.getByText('OpenAI accepted the key').waitFor(WAIT);
    expect(await row.locator('.masked-key').textContent()).toBe('sk-ant-…WXYZ');
    expect(await openaiRow.locator('.masked-key').textContent()).toBe('sk-proj-…9876');
    expect(await page.locator('.settings').textContent()).toContain('stored unencrypted in a file only you can read (mode 0600)');
    for (const file of ['anthropic-api-key.txt', 'openai-api-key.txt']) expect((await stat(appDir(file))).mode & 0o777).toBe(0o600);
    expect(await page.content()).not.toContain(ANTHROPIC_KEY);
    expect(await page.locator('#no-key-notice').count()).toBe(0);
    await page.locator('#status-pill[data-phase="connected"]').waitFor(WAIT);
    await shot('03-settings-keys-saved');
  });

  it('imports the starter templates (file picker); a broken file is named with its line', async () => {
    await nav(page, 'Library');
    const templates = (await readdir(TEMPLATES_DIR)).filter((file) => file.endsWith('.yaml')).map((file) => join(TEMPLATES_DIR, file));
    const broken = join(dir, 'broken.yaml');
    await writeFile(broken, 'name: Broken\nmodel: claude-sonnet-4-6\ninputs:\n  query: a: b\n');
    await page.setInputFiles('#import-files', [...templates, broken]);
    const results = page.locator('.import-results li:not(.import-results-head)');
    await expect.poll(() => results.count(), WAIT).toBe(templates.length + 1);
    expect(await page.locator('.import-results li.pass').count()).toBe(templates.length);
    expect(await page.locator('.import-results li.fail').textContent()).toMatch(/^broken\.yaml line 4, column 10: /);
    await expect.poll(() => page.locator('.library-item').count(), WAIT).toBe(templates.length);
    expect(await page.locator('.library-item[data-kind="suite"]').count()).toBe(1);
    await shot('04-library-imported');
    await page.getByRole('button', { name: 'Close the import results' }).click();
    await shot('05-library');
  });

  it('edits a test in YAML: a misspelt assertion is shown at its line, fixed, and saved (Ctrl+S)', async () => {
    await page.locator('.library-item[data-id="simple-qa"] .library-name').click();
    await page.locator('.editor-form').waitFor(WAIT);
    await shot('06-editor-form', true);
    await page.getByRole('tab', { name: 'YAML' }).click();
    const saved = await readFile(appDir('data', 'workspace', 'tests', 'simple-qa.yaml'), 'utf8');
    const misspelt = saved.replace('- must_contain: Canberra', '- must_contian: Canberra');
    const line = misspelt.split('\n').findIndex((text) => text.includes('must_contian')) + 1;
    await typeYaml(page, misspelt);
    const problem = page.locator('#yaml-problem');
    await problem.waitFor(WAIT); // the backend's check of the draft (POST /api/validate), at the line it names
    expect(await problem.getAttribute('data-line')).toBe(String(line));
    expect(await problem.textContent()).toContain('must_contian is not allowed');
    await shot('07-editor-yaml-error');

    const fixed = saved.replace('name: Capital city question', 'name: Capital city question (edited)');
    await typeYaml(page, fixed);
    await problem.waitFor({ state: 'detached', ...WAIT });
    await page.keyboard.press('Control+s');
    await page.getByText('Saved tests/simple-qa.yaml').waitFor(WAIT);
    expect(await readFile(appDir('data', 'workspace', 'tests', 'simple-qa.yaml'), 'utf8')).toBe(fixed);
  });

  it('keeps what was typed through a backend crash and a page reload, even with no time for the draft timer (pagehide, keepalive)', async () => {
    await page.getByRole('tab', { name: 'Form' }).click();
    // The page's timers stand still from here: only the pagehide write (sent with keepalive) can keep the text.
    await page.clock.install();
    await page.clock.pauseAt(Date.now() + 1_000);
    await control(page, 'inputs.query').fill('What is the capital of Australia, typed just before the crash?');
    expect(existsSync(appDir('drafts', 'test@simple-qa.json'))).toBe(false);

    const back = waitForHostEvent(mode.host, (event) => event.type === 'connection' && event.status.phase === 'connected');
    process.kill(mode.host.backendPid()!, 'SIGKILL');
    await page.reload();
    await page.clock.resume();
    await page.locator('#draft-restored').waitFor(WAIT);
    await back;
    expect(JSON.parse(await readFile(appDir('drafts', 'test@simple-qa.json'), 'utf8'))).toMatchObject({ kind: 'test', id: 'simple-qa' });
    // Written once, at pagehide, with keepalive (so closing the tab would not cancel it either).
    const writes = await page.evaluate(() => JSON.parse(sessionStorage.getItem('test.draftWrites') ?? '[]') as boolean[]);
    expect(writes.at(-1)).toBe(true);
    expect(await control(page, 'inputs.query').inputValue()).toBe('What is the capital of Australia, typed just before the crash?');
    await page.getByRole('tab', { name: 'YAML' }).click();
    await expect.poll(() => yamlShown(page), WAIT).toContain('typed just before the crash?');
    await shot('08-editor-draft-restored');
    await page.getByRole('button', { name: 'Discard them' }).click();
    await expect.poll(() => existsSync(appDir('drafts', 'test@simple-qa.json')), WAIT).toBe(false);
  });

  it('runs a test (Ctrl+Enter) three times, a failure among them: the result, the history, a comparison and the trend chart', async () => {
    await go(page, '#/run/test/simple-qa');
    const result = page.locator('.run-detail');
    for (const text of [ANSWER, 'Sydney, I think.', ANSWER]) {
      anthropic.setBehavior({ text });
      await page.locator('#run-button:not([disabled])').waitFor(WAIT);
      await page.keyboard.press('Control+Enter');
      await page.locator(`.run-detail[data-success="${text === ANSWER}"]`).waitFor(WAIT);
      if (text !== ANSWER) await shot('09-run-failed-assertion', true);
    }
    expect(await result.locator('.output').textContent()).toBe(ANSWER);
    await shot('10-run-result', true);

    await go(page, '#/runs?test_id=simple-qa');
    await expect.poll(() => page.locator('.runs-table tbody tr').count(), WAIT).toBe(3);
    await shot('11-runs');
    const [newest, failed] = await page.locator('.runs-table tbody tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-run-id')));
    await go(page, `#/runs/${failed}`);
    await page.locator('.run-detail[data-success="false"] .assertion-table').waitFor(WAIT);
    await shot('12-run-detail', true);
    await go(page, `#/compare/runs?base=${failed}&head=${newest}`);
    await page.locator('#compare-verdict').waitFor(WAIT);
    await shot('13-compare-runs', true);

    await nav(page, 'Trends');
    const card = page.locator('.trend-card[data-test-id="simple-qa"]');
    await card.locator('svg').waitFor(WAIT);
    expect(await card.locator('.trend-summary').textContent()).toMatch(/^3 runs · pass rate 67 %/);
    await shot('14-trends', true);
  });

  it('shows the backend logs, and no page error happened on the way', async () => {
    await nav(page, 'Logs');
    await page.locator('.log-line').first().waitFor(WAIT);
    await shot('15-logs');
    expect(pageErrors).toEqual([]);
  });
});
