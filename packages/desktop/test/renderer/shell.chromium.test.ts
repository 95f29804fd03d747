/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ConnectionStatus } from '../../src/shared/types.js';
import { FakeHost } from './helpers/fake-host.js';
import { launchChromium, openWorkspace, screenshot, type WorkspacePage } from './helpers/workspace-page.js';

let browser: Browser;
let host: FakeHost;
let view: WorkspacePage | undefined;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser.close());
beforeEach(() => {
  host = new FakeHost();
});
afterEach(async () => {
  if (!view) return;
  expect(view.errors).toEqual([]);
  await view.close();
  view = undefined;
});

const connection = (status: ConnectionStatus) => ({ type: 'connection' as const, status });

describe('The workspace shell', () => {
  it('keeps the connection banner driven by host events: starting, reconnecting, failed with Retry, reconnected', async () => {
    view = await openWorkspace(browser, host);
    const { page } = view;
    const banner = page.locator('#banner');
    await expect.poll(() => page.locator('#status-pill').getAttribute('data-phase')).toBe('connected');
    expect(await banner.isHidden()).toBe(true);
    await view.emit(connection({ phase: 'starting', attempt: 1, elapsedMs: 4_000, timeoutMs: 20_000, slow: true, afterCrash: false }));
    expect(await banner.locator('progress').count()).toBe(1);
    await view.emit(connection({ phase: 'reconnecting', attempt: 2, delayMs: 500, reason: 'it was killed by SIGKILL', lastLines: [] }));
    expect(await banner.textContent()).toContain('Backend stopped unexpectedly, reconnecting (attempt 2, in 0.5 s)');
    expect(await page.locator('#status-pill').textContent()).toBe('Reconnecting…');
    await view.emit(connection({ phase: 'failed', reason: 'it crashed 6 times in 60 s', restarts: 6, lastLines: ['Error: boom'] }));
    await screenshot(page, 'banner-failed');
    await banner.getByRole('button', { name: 'Retry' }).click();
    await expect.poll(() => host.callsOf('retryBackend').length).toBe(1);
    await view.emit(connection({ phase: 'connected', reconnected: true, startupMs: 80 }));
    expect(await banner.getAttribute('data-phase')).toBe('reconnected');
  });

  it('shows the backend logs from the snapshot and as they arrive', async () => {
    host.snapshot = { ...host.snapshot, logs: [{ stream: 'stdout', line: '{"msg":"listening on 127.0.0.1:40123"}', time: Date.now(), pid: 41 }] };
    view = await openWorkspace(browser, host, '#/logs');
    const { page } = view;
    await page.locator('.log-line').first().waitFor();
    expect(await page.locator('.log-line').first().textContent()).toContain('listening on 127.0.0.1:40123');
    await view.emit({ type: 'logs', entries: [{ stream: 'stderr', line: 'warning: disk almost full', time: Date.now(), pid: 41 }] });
    await expect.poll(() => page.locator('.log-line').count()).toBe(2);
    expect(await page.locator('.log-line.stderr').textContent()).toContain('warning: disk almost full');
  });

  it('every section has a link and an empty state that says what to do', async () => {
    view = await openWorkspace(browser, host);
    const { page } = view;
    const expectations: [string, string][] = [
      ['Library', 'The library is empty.'],
      ['Suites', 'No suites yet.'],
      ['Run', 'Nothing to run yet'],
      ['Runs', 'No runs yet.'],
      ['Compare', 'Choose a test, then a base run'],
      ['Trends', 'No tests yet'],
      ['Settings', 'Model providers'],
      ['Logs', 'No output yet.'],
    ];
    for (const [link, text] of expectations) {
      await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: link, exact: true }).click();
      await page.getByText(text).first().waitFor();
      expect(await page.getByRole('link', { name: link, exact: true }).getAttribute('aria-current')).toBe('page');
    }
  });

  it('Ctrl/Cmd+K from any view opens the Library with the search box focused', async () => {
    view = await openWorkspace(browser, host, '#/runs');
    const { page } = view;
    await page.getByText('No runs yet.').waitFor();
    await page.keyboard.press('Control+k');
    await page.waitForURL(/#\/library$/);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('library-search');
    await page.keyboard.press('Escape');
    await page.locator('body').click();
    await page.keyboard.press('Meta+k');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('library-search');
  });

  it('says so when Sentinel itself cannot load', async () => {
    host.override('getSnapshot', () => Promise.reject(new Error('Sentinel itself is not running any more.')));
    view = await openWorkspace(browser, host);
    await view.page.getByRole('alert').filter({ hasText: 'Sentinel could not load' }).waitFor();
    expect(await view.page.getByRole('alert').textContent()).toContain('Sentinel itself is not running any more.');
  });
});
