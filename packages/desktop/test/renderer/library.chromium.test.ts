/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// (DOM types for the callbacks that run in the page.)
import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeHost } from './helpers/fake-host.js';
import { CAPITAL, CONTACT_JSON, SMOKE_SUITE, storedSuite, storedTest, WEATHER_TOOL } from './helpers/fixtures.js';
import { openWorkspace, launchChromium, screenshot, type WorkspacePage } from './helpers/workspace-page.js';

let browser: Browser;
let host: FakeHost;
let view: WorkspacePage;
let dir: string;

beforeAll(async () => {
  browser = await launchChromium();
  dir = await mkdtemp(join(tmpdir(), 'sentinel-ui-library-'));
});
afterAll(async () => {
  await browser.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  host = new FakeHost();
  host.library.add(storedTest('capital', CAPITAL));
  host.library.add(storedTest('contact-json', CONTACT_JSON));
  host.library.add(storedTest('weather-tool', WEATHER_TOOL));
  host.library.add(storedSuite('nightly', SMOKE_SUITE));
});
afterEach(async () => {
  expect(view.errors).toEqual([]);
  await view.close();
});

const names = (page: WorkspacePage['page']) => page.locator('.library-item .library-name').allTextContents();

describe('Library', () => {
  it('lists tests and suites, searches by name (Ctrl+K), filters by tag and category', async () => {
    view = await openWorkspace(browser, host);
    const { page } = view;
    await page.locator('.library-item').first().waitFor();
    expect(await names(page)).toEqual(['testCapital of France', 'testContact as JSON', 'testWeather tool call', 'suiteNightly smoke']);
    await screenshot(page, 'library');

    await page.locator('body').click();
    await page.keyboard.press('Control+k');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('library-search');
    await page.keyboard.type('contact');
    await expect.poll(() => names(page)).toEqual(['testContact as JSON']);
    expect(host.callsOf('listTests').at(-1)).toEqual([{ q: 'contact' }]);

    await page.locator('#library-search').fill('');
    await page.locator('#filter-tag').selectOption('smoke');
    await expect.poll(() => names(page)).toEqual(['testCapital of France']);
    await page.locator('#filter-tag').selectOption('');
    await page.locator('#filter-category').selectOption('tools');
    await expect.poll(() => names(page)).toEqual(['testWeather tool call']);
    await page.locator('#filter-category').selectOption('structured');
    await page.locator('#library-search').fill('nothing like this');
    await page.getByText('Nothing matches these filters.').waitFor();
  });

  it('shows an empty library, a loading state that says it is still waiting, and a load error with Try again', async () => {
    host.library.items.clear();
    const held: (() => void)[] = [];
    host.override('listTests', () => new Promise((resolve) => held.push(() => resolve({ tests: [], broken: [] }))));
    view = await openWorkspace(browser, host);
    const { page } = view;
    await page.getByText('Loading the library…').waitFor();
    await page.getByText('Still waiting for the backend').waitFor({ timeout: 10_000 });
    host.restore('listTests');
    for (const release of held) release();
    await page.getByText('The library is empty.').waitFor();
    await screenshot(page, 'library-empty');

    host.override('listTests', () => Promise.reject(new Error('The backend is not running')));
    await page.reload();
    await page.getByRole('alert').filter({ hasText: 'The library could not be loaded' }).waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('The backend is not running');
    host.restore('listTests');
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByText('The library is empty.').waitFor();
  });

  it('duplicates, and deletes with an Undo that restores the same file', async () => {
    view = await openWorkspace(browser, host);
    const { page } = view;
    await page.getByRole('button', { name: 'Duplicate Capital of France' }).click();
    await expect.poll(() => names(page)).toContain('testCapital of France (copy)');
    expect(host.library.items.has('test:capital-of-france-copy')).toBe(true);

    const { yaml: original, revision } = host.library.get('test', 'capital');
    await page.getByRole('button', { name: 'Delete Capital of France', exact: true }).click();
    await expect.poll(() => names(page)).not.toContain('testCapital of France');
    expect(host.callsOf('deleteTest')).toEqual([['capital', { revision }]]);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => names(page)).toContain('testCapital of France');
    expect(host.library.get('test', 'capital').yaml).toBe(original);
    expect(host.callsOf('createTest').at(-1)).toEqual([{ yaml: original }, { id: 'capital' }]);
  });

  it('imports YAML files with the picker and by drag and drop; a bad file names its line', async () => {
    view = await openWorkspace(browser, host);
    const { page } = view;
    const good = join(dir, 'greeting.yaml');
    const bad = join(dir, 'broken.yaml');
    await writeFile(good, 'name: Greeting\nmodel: claude-sonnet-4-6\ninputs:\n  query: Say hello\nassertions:\n  - icontains: hello\n');
    await writeFile(bad, 'name: Broken\nmodel: claude-sonnet-4-6\ninputs:\n  query: Note: this breaks\nassertions:\n  - must_contain: x\n');
    await page.locator('#import-files').setInputFiles([good, bad]);
    const results = page.getByRole('list', { name: 'Import results' });
    await results.getByText('Imported greeting.yaml as').waitFor();
    const failure = results.getByRole('alert');
    expect(await failure.textContent()).toMatch(/^broken\.yaml line 4, column \d+: /);
    expect(await failure.getAttribute('data-line')).toBe('4');
    await expect.poll(() => names(page)).toContain('testGreeting');
    await screenshot(page, 'library-import');

    const dropped = await page.evaluateHandle(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['name: Dropped suite\ntests:\n  - name: one\n    model: claude-sonnet-4-6\n    inputs: { query: hi }\n    assertions: [{ must_contain: hi }]\n'], 'dropped.yaml', { type: 'application/yaml' }));
      return transfer;
    });
    await page.dispatchEvent('main', 'dragover', { dataTransfer: dropped });
    await page.getByText('Drop YAML files to import them').waitFor();
    await page.dispatchEvent('main', 'drop', { dataTransfer: dropped });
    await results.getByText('Imported dropped.yaml as').waitFor();
    expect(host.library.items.has('suite:dropped-suite')).toBe(true);
    expect(await page.getByText('Drop YAML files to import them').count()).toBe(0);
  });

  it('exports a test as its YAML file, byte for byte', async () => {
    host.library.add(storedTest('capital', CAPITAL, '# kept comment\nname: Capital of France\nmodel: claude-sonnet-4-6\ninputs:\n  query: What is the capital of France?\nassertions:\n  - must_contain: Paris\n'));
    view = await openWorkspace(browser, host);
    const { page } = view;
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export Capital of France' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('capital.yaml');
    const path = await file.path();
    const { readFile } = await import('node:fs/promises');
    expect(await readFile(path, 'utf8')).toBe(host.library.get('test', 'capital').yaml);
  });

  it('lists broken files with their line, and starts a new test from a starter template as a draft', async () => {
    host.library.broken.push({ id: 'half-edited', kind: 'test', path: 'tests/half-edited.yaml', error: { code: 'INVALID_YAML', message: 'Nested mappings are not allowed in compact mappings', line: 4, column: 10 } });
    view = await openWorkspace(browser, host);
    const { page } = view;
    expect(await page.locator('.broken-files li').textContent()).toContain('tests/half-edited.yaml');
    expect(await page.locator('.broken-files li').textContent()).toContain('line 4, column 10: Nested mappings');
    await page.locator('#new-button').click();
    await page.getByRole('menuitem', { name: /A question with a known answer/ }).click();
    await page.locator('.editor').waitFor();
    expect(page.url()).toMatch(/#\/editor\/test\/new\/[0-9a-f]{12}$/);
    expect(await page.locator('.editor h1').textContent()).toBe('Known answer');
    expect([...host.drafts.values()].map((draft) => draft.yaml)).toEqual([expect.stringContaining('# a starter')]);
    expect(host.library.list('test').length).toBe(3);
  });
});
