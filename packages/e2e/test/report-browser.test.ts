import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { buildReport } from '../src/report/build-report.js';
import { formatHtml } from '../src/report/html.js';
import { healthyLife, history } from './support/histories.js';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

let browser: Browser | undefined;
let dir: string | undefined;

afterEach(async () => {
  await browser?.close();
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  browser = undefined;
  dir = undefined;
});

describe('HTML report in headless Chromium', () => {
  it('renders the timeline and tables without fetching anything', async () => {
    dir = await mkdtemp(join(tmpdir(), 'sentinel-chaos-html-'));
    const h = history(healthyLife());
    const file = join(dir, 'report.html');
    await writeFile(file, formatHtml(buildReport(h, { replay: 'sentinel-chaos --seed 42', target: 'fixture' }), h));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const foreign: string[] = [];
    page.on('request', (request) => { if (!request.url().startsWith('file:')) foreign.push(request.url()); });
    await page.goto(pathToFileURL(file).href);
    expect(foreign).toEqual([]);
    expect(await page.title()).toBe('sentinel-chaos seed 42');
    const box = await page.locator('svg').first().boundingBox();
    expect(box?.width).toBeGreaterThan(1000);
    expect(box?.height).toBeGreaterThan(100);
    expect(await page.locator('svg rect').count()).toBeGreaterThan(5);
    expect(await page.locator('table').count()).toBe(3);
    expect(await page.locator('h1').innerText()).toContain('PASSED');
    expect((await page.screenshot({ fullPage: true })).length).toBeGreaterThan(10_000);
  });
});
