/// <reference lib="dom" />
import type { StoredSuite } from '@sentinel/backend/contract';
import type { Browser } from 'playwright-core';
import { parse } from 'yaml';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeHost } from './helpers/fake-host.js';
import { CAPITAL, CONTACT_JSON, SMOKE_SUITE, storedSuite, storedTest } from './helpers/fixtures.js';
import { control } from './helpers/form-filler.js';
import { launchChromium, openWorkspace, screenshot, type WorkspacePage } from './helpers/workspace-page.js';

let browser: Browser;
let host: FakeHost;
let view: WorkspacePage;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser.close());
beforeEach(() => {
  host = new FakeHost();
  host.library.add(storedTest('capital', CAPITAL));
  host.library.add(storedTest('contact-json', CONTACT_JSON));
  host.library.add(storedSuite('nightly', SMOKE_SUITE));
});
afterEach(async () => {
  expect(view.errors).toEqual([]);
  await view.close();
});

describe('Suites', () => {
  it('lists only suites; a new suite is composed from library tests, with defaults, and saved with Ctrl+S', async () => {
    view = await openWorkspace(browser, host, '#/suites');
    const { page } = view;
    await page.getByRole('heading', { name: 'Suites' }).waitFor();
    expect(await page.locator('.library-item .library-name').allTextContents()).toEqual(['suiteNightly smoke']);
    await page.locator('#new-button').click();
    expect(await page.getByRole('menuitem').allTextContents()).toEqual(['Blank suite', expect.stringContaining('Smoke suite')]);
    await page.getByRole('menuitem', { name: 'Blank suite' }).click();
    await control(page, 'name').fill('Release checks');
    await control(page, 'version').fill('2.1');
    await page.locator('#suite-add-test').selectOption('capital');
    await page.getByRole('button', { name: 'Add to suite' }).click();
    await page.locator('#suite-add-test').selectOption('contact-json');
    await page.getByRole('button', { name: 'Add to suite' }).click();
    expect(await page.locator('.suite-tests > li').count()).toBe(2);
    await control(page, 'defaults.model').fill('claude-haiku-4-5');
    await control(page, 'defaults.model_config.temperature').fill('0');
    await page.getByRole('button', { name: /Contact as JSON/ }).click();
    await control(page, 'tests[1].category').fill('extraction');
    await screenshot(page, 'suite-editor');
    await page.keyboard.press('Control+s');
    await page.waitForURL(/#\/editor\/suite\/release-checks$/);
    const saved = host.library.get('suite', 'release-checks') as StoredSuite;
    expect(saved.suite).toEqual({ name: 'Release checks', version: '2.1', defaults: { model: 'claude-haiku-4-5', model_config: { temperature: 0 } }, tests: [CAPITAL, { ...CONTACT_JSON, category: 'extraction' }] });
  });

  it('an error inside one of the suite\'s tests opens that test and shows the error at its field', async () => {
    view = await openWorkspace(browser, host, '#/editor/suite/nightly');
    const { page } = view;
    await page.getByRole('button', { name: /Capital of Italy/ }).waitFor();
    host.override('updateSuite', () => Promise.reject(Object.assign(new Error('tests[1].inputs.query must be a non-empty string'), { code: 'VALIDATION_ERROR', details: { field: 'tests[1].inputs.query' } })));
    await page.keyboard.press('Control+s');
    const field = page.locator('[data-field="tests[1].inputs.query"]');
    await field.getByRole('alert').waitFor();
    expect(await field.getByRole('alert').textContent()).toBe('tests[1].inputs.query must be a non-empty string');
  });

  it('Run suite from the editor starts a run of the saved suite, or of the edited text when it differs', async () => {
    view = await openWorkspace(browser, host, '#/editor/suite/nightly');
    const { page } = view;
    await page.getByRole('button', { name: 'Run suite' }).click();
    await page.waitForURL(/#\/suite-run\//);
    expect(host.callsOf('startSuiteRun')).toEqual([[{ suite_id: 'nightly' }]]);
    await page.goBack();
    await control(page, 'name').fill('Nightly smoke (edited)');
    await page.getByRole('button', { name: 'Run suite' }).click();
    await page.waitForURL(/#\/suite-run\/sr0+2$/);
    expect(host.callsOf('startSuiteRun')[1]).toEqual([{ suite: { ...parse(host.library.get('suite', 'nightly').yaml), name: 'Nightly smoke (edited)' } }]);
  });
});
