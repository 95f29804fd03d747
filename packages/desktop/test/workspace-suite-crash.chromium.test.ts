/// <reference lib="dom" />
// (DOM types for the callbacks that run in the page.)
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SuiteRun } from '@sentinel/backend/contract';
import { startAnthropicStub, type AnthropicStub, type StubRequest } from '@sentinel/backend/testing';
import { startBrowserMode, type BrowserMode } from '../src/browser/start-browser-mode.js';
import { createDefaultClient, createDefaultSupervisor } from '../src/host/defaults.js';
import type { WorkspaceEvent } from '../src/shared/workspace-bridge.js';
import { capitalsSuiteYaml, CHROMIUM, go, pageProblems } from './helpers/flow-page.js';
import { waitForHostEvent } from './helpers/host-events.js';
import { isGone, waitGone } from './helpers/processes.js';
import { saveScreenshot } from './helpers/screenshots.js';
import { copySidecar } from './helpers/sidecar.js';
import { ANTHROPIC_KEY } from './helpers/workspace-host.js';

// A suite of 20 cases in real headless Chromium against browser mode (real backend bundle under the
// real supervisor, an Anthropic stub): a first run that passes; a second, with one regression, whose
// backend is SIGKILLed halfway: "Backend restarting, the run will resume", then 20 results, each case
// once; the comparison (the regression first); the JUnit export; and a crash loop ending in the
// failed notice with Retry, after which a run in progress resumes and completes.
const WAIT = { timeout: 60_000 };
const CASES = 20;
const REGRESSED = 'case-07';

let dir: string;
let stub: AnthropicStub;
let mode: BrowserMode;
let context: BrowserContext;
let page: Page;
let sidecar: Awaited<ReturnType<typeof copySidecar>>;
const backendPids = new Set<number>();
const pageErrors: string[] = [];
const runs: SuiteRun[] = [];

const shot = (name: string, fullPage = false): Promise<void> => saveScreenshot(page, name, { fullPage });
const answer = (regressed: boolean) => (request: StubRequest) => (regressed && JSON.stringify(request.body).includes('Question 07') ? 'Sydney, probably.' : 'Canberra.');
const progressAt = (done: number) => (event: WorkspaceEvent) => event.type === 'suite-run' && event.event.type === 'progress' && event.event.done >= done;
const phase = (name: string) => (event: WorkspaceEvent) => event.type === 'connection' && event.status.phase === name;
const restartingAfterCrash = (event: WorkspaceEvent) => event.type === 'connection' && event.status.phase === 'starting' && event.status.afterCrash;

/** Start a run of the library suite from the Run view (Ctrl+Enter) and open it; resolves with its id. */
async function startRun(concurrency: number): Promise<string> {
  await go(page, '#/run/suite/twenty');
  await page.getByLabel('Concurrency per provider').fill(String(concurrency));
  await page.keyboard.press('Control+Enter');
  await page.waitForURL(/#\/suite-run\/[0-9a-f]{24}$/, WAIT);
  return /#\/suite-run\/([0-9a-f]{24})$/.exec(page.url())![1]!;
}

/** The run's result rows: each case once, in landing order. */
async function expectEachCaseOnce(id: string): Promise<void> {
  await page.locator(`.suite-run[data-status="completed"] #progress-count`).filter({ hasText: `${CASES} / ${CASES} done` }).waitFor(WAIT);
  const indexes = await page.locator('.case-list li').evaluateAll((items) => items.map((item) => item.getAttribute('data-index')));
  expect(indexes).toHaveLength(CASES);
  expect(new Set(indexes).size).toBe(CASES);
  const history = await mode.host.handlers.listRuns({ suite_run_id: id, limit: 200 });
  expect(new Set(history.runs.map((run) => run.case_index)).size).toBe(CASES);
  expect(history.runs).toHaveLength(CASES);
  runs.push(await mode.host.handlers.getSuiteRun(id));
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sentinel-suite-crash-'));
  stub = await startAnthropicStub({ apiKey: ANTHROPIC_KEY, behavior: { text: answer(false) } });
  sidecar = await copySidecar(dir);
  mode = await startBrowserMode({
    sidecarPath: sidecar.path,
    dataDir: join(dir, 'app'),
    createSupervisor: createDefaultSupervisor,
    createClient: createDefaultClient,
    backendEnv: { ANTHROPIC_BASE_URL: stub.baseUrl },
    // The first restart after a crash is immediate, the next of a streak waits 1.5 s (long enough to see
    // the notice); a short crash-loop budget.
    restart: { initialDelayMs: 1_500, factor: 1.5, maxDelayMs: 3_000, jitter: 0, maxRestarts: 3, windowMs: 120_000 },
  });
  mode.host.onEvent(() => {
    const pid = mode.host.backendPid();
    if (pid !== undefined) backendPids.add(pid);
  });
  await waitForHostEvent(mode.host, phase('connected'));
  await mode.host.handlers.saveProviderKey('anthropic', ANTHROPIC_KEY);
  await mode.host.handlers.createSuite({ yaml: capitalsSuiteYaml(CASES) }, { id: 'twenty' });
  context = await chromium.launchPersistentContext(join(dir, 'chromium-profile'), { ...CHROMIUM, viewport: { width: 1280, height: 860 }, acceptDownloads: true });
  page = context.pages()[0] ?? (await context.newPage());
  pageProblems(page, pageErrors);
  await page.goto(mode.server.loginUrl());
  await page.locator('#status-pill[data-phase="connected"]').waitFor(WAIT);
});

afterAll(async () => {
  await context?.close();
  await mode?.close();
  await stub?.close();
  for (const pid of backendPids) await waitGone(pid);
  await rm(dir, { recursive: true, force: true });
});

describe('a suite of 20 through backend crashes', () => {
  it('a first run: every case passes', async () => {
    stub.setBehavior({ text: answer(false) });
    const id = await startRun(4);
    await expectEachCaseOnce(id);
    expect(runs[0]).toMatchObject({ passed: CASES, failed: 0 });
  });

  it('SIGKILL halfway: "Backend restarting, the run will resume" while the banner reconnects, then 20 results, each case once', async () => {
    stub.setBehavior({ text: answer(true), delayMs: 250 });
    // What the page shows whenever the notice is there (recorded in the page, so no moment is missed).
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { noticeSeen: string[] }).noticeSeen = seen;
      new MutationObserver(() => {
        const notice = document.getElementById('resume-notice');
        if (notice) seen.push(`${notice.textContent ?? ''} | ${document.getElementById('banner')?.dataset.phase ?? ''}`);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    const id = await startRun(2);
    await waitForHostEvent(mode.host, progressAt(CASES / 2 - 2));
    await shot('20-suite-run-progress');
    const pid = mode.host.backendPid()!;
    const restarted = waitForHostEvent(mode.host, restartingAfterCrash);
    process.kill(pid, 'SIGKILL');
    await restarted;
    // The first restart is immediate; its replacement is killed too, so the next waits 1.5 s: time to read the notice.
    process.kill(mode.host.backendPid()!, 'SIGKILL');
    await page.locator('#banner[data-phase="reconnecting"]').waitFor(WAIT);
    await page.locator('#resume-notice').filter({ hasText: 'Backend restarting, the run will resume.' }).waitFor(WAIT);
    await shot('21-suite-run-backend-restarting');
    await expectEachCaseOnce(id);
    expect(isGone(pid)).toBe(true);
    const seen = await page.evaluate(() => (window as unknown as { noticeSeen: string[] }).noticeSeen);
    expect(seen).toContain('Backend restarting, the run will resume. | reconnecting');
    expect(runs[1]).toMatchObject({ passed: CASES - 1, failed: 1 });
    expect(await page.locator(`.case-list li[data-state="failed"] .case-name`).textContent()).toBe(REGRESSED);
    await shot('22-suite-run-completed', true);
  });

  it('compares it with the previous run: the one regression first; exports it as JUnit', async () => {
    await page.locator('#compare-previous').filter({ hasText: 'Compare with the previous run' }).click();
    await page.locator('#compare-verdict').filter({ hasText: '1 case regressed.' }).waitFor(WAIT);
    expect(new URL(page.url()).hash).toBe(`#/compare/suite-runs?base=${runs[0]!.id}&head=${runs[1]!.id}`);
    const groups = await page.locator('.comparison [data-group]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-group')));
    expect(groups[0]).toBe('regressions');
    expect(await page.locator('[data-group="regressions"] .case-name').allTextContents()).toEqual([REGRESSED]);
    await shot('23-compare-suite-runs', true);

    await go(page, `#/suite-run/${runs[1]!.id}`);
    const download = page.waitForEvent('download');
    await page.locator('#export-junit').click();
    const file = await (await download).path();
    const xml = await readFile(file, 'utf8');
    expect(xml.match(/<testcase /g)).toHaveLength(CASES);
    expect(xml.match(/<failure/g)).toHaveLength(1);
  });

  it('a crash loop ends in the failed notice with Retry; after Retry the run in progress resumes and completes', async () => {
    stub.setBehavior({ text: answer(false), delayMs: 300 });
    const id = await startRun(2);
    await waitForHostEvent(mode.host, progressAt(4));
    await sidecar.breakIt('fatal: the run history is corrupt (injected by the test)');
    const failed = waitForHostEvent(mode.host, phase('failed'), 90_000);
    process.kill(mode.host.backendPid()!, 'SIGKILL');
    await failed;
    await page.locator('#banner[data-phase="failed"]').waitFor(WAIT);
    expect(await page.locator('#banner').textContent()).toContain('fatal: the run history is corrupt');
    expect(await page.locator('#resume-notice').textContent()).toContain('Press Retry above: the run resumes where it stopped.');
    await shot('24-crash-loop-failed-retry');

    await sidecar.restore();
    await page.getByRole('button', { name: 'Retry' }).click();
    await page.locator('#status-pill[data-phase="connected"]').waitFor(WAIT);
    await expectEachCaseOnce(id);
    await shot('25-suite-run-resumed-after-retry');
    expect(pageErrors).toEqual([]);
  });
});
