/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// (DOM types for the callbacks that run in the page.)
import type { StoredTest } from '@sentinel/backend/contract';
import type { Browser, Page } from 'playwright-core';
import { parse } from 'yaml';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeHost } from './helpers/fake-host.js';
import { CAPITAL, runRecord, storedTest } from './helpers/fixtures.js';
import { typeYaml, yamlShown } from '../helpers/yaml-tab.js';
import { control } from './helpers/form-filler.js';
import { launchChromium, openWorkspace, screenshot, type WorkspacePage } from './helpers/workspace-page.js';

const CAPITAL_YAML = '# asked in every release\nname: Capital of France\nmodel: claude-sonnet-4-6\ninputs:\n  query: What is the capital of France?\nassertions:\n  - must_contain: Paris\n';

let browser: Browser;
let host: FakeHost;
let view: WorkspacePage;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser.close());
beforeEach(() => {
  host = new FakeHost();
  host.library.add(storedTest('capital', CAPITAL, CAPITAL_YAML));
});
afterEach(async () => {
  expect(view.errors).toEqual([]);
  await view.close();
});

async function lintedLines(page: Page): Promise<number[]> {
  return page.locator('.yaml-editor').evaluate((element) => {
    const root = element.shadowRoot as ShadowRoot;
    const lines = [...root.querySelectorAll('.cm-line')];
    return lines.flatMap((line, index) => (line.querySelector('.cm-lintRange-error') ? [index + 1] : []));
  });
}

describe('Editor', () => {
  it('opens a library test in the form; the YAML tab keeps its comment after a form edit; Ctrl+S saves with its revision', async () => {
    view = await openWorkspace(browser, host, '#/editor/test/capital');
    const { page } = view;
    expect(await control(page, 'name').inputValue()).toBe('Capital of France');
    expect(await control(page, 'assertions[0].must_contain').inputValue()).toBe('Paris');
    expect(await page.locator('#draft-status').textContent()).toBe('Saved');
    await control(page, 'name').fill('Capital of France (strict)');
    await page.getByRole('tab', { name: 'YAML' }).click();
    // The tab's editor draws its lines once it is shown: waited for.
    await expect.poll(() => yamlShown(page), { timeout: 10_000 }).toBe(CAPITAL_YAML.replace('name: Capital of France', 'name: Capital of France (strict)'));
    await screenshot(page, 'editor-yaml');
    const revision = host.library.get('test', 'capital').revision;
    await page.keyboard.press('Control+s');
    await page.getByText('Saved tests/capital.yaml').waitFor();
    expect(host.callsOf('updateTest')).toEqual([['capital', { yaml: CAPITAL_YAML.replace('name: Capital of France', 'name: Capital of France (strict)') }, { revision }]]);
    expect(await page.locator('#draft-status').textContent()).toBe('Saved');
    await expect.poll(() => host.drafts.size).toBe(0);
  });

  it('shows a YAML syntax error at its line (and keeps the form closed until it is fixed), then clears it', async () => {
    view = await openWorkspace(browser, host, '#/editor/test/capital');
    const { page } = view;
    await page.getByRole('tab', { name: 'YAML' }).click();
    await typeYaml(page, 'name: Capital\nmodel: claude-sonnet-4-6\ninputs:\n  query: Note: this breaks\nassertions:\n  - must_contain: Paris\n');
    const problem = page.locator('#yaml-problem');
    await problem.waitFor();
    expect(await problem.getAttribute('data-line')).toBe('4');
    expect(await problem.textContent()).toMatch(/^Line 4, column \d+: /);
    await expect.poll(() => lintedLines(page)).toEqual([4]);
    expect(await page.locator('#save-button').isDisabled()).toBe(true);
    await page.getByRole('tab', { name: 'Form' }).click();
    expect(await page.getByRole('tabpanel', { name: 'YAML' }).count()).toBe(1);
    await screenshot(page, 'editor-yaml-error');
    await typeYaml(page, 'name: Capital\nmodel: claude-sonnet-4-6\ninputs:\n  query: "Note: this works"\nassertions:\n  - must_contain: Paris\n');
    await problem.waitFor({ state: 'detached' });
    await expect.poll(() => lintedLines(page)).toEqual([]);
    await page.getByRole('tab', { name: 'Form' }).click();
    expect(await control(page, 'inputs.query').inputValue()).toBe('Note: this works');
  });

  it('places a backend validation error at the field it names in the form, and at its line in the YAML tab', async () => {
    view = await openWorkspace(browser, host, '#/editor/test/capital');
    const { page } = view;
    await page.getByRole('tab', { name: 'YAML' }).click();
    await typeYaml(page, 'name: Capital\nmodel: claude-sonnet-4-6\ninputs:\n  query: Where?\nassertions:\n  - max_length: 10\n  - must_contian: Paris\n');
    const problem = page.locator('#yaml-problem');
    await problem.waitFor();
    expect(await problem.getAttribute('data-line')).toBe('7');
    expect(await problem.textContent()).toContain('assertions[1].must_contian is not allowed (did you mean must_contain?)');
    await expect.poll(() => lintedLines(page)).toEqual([7]);
    await page.getByRole('tab', { name: 'Form' }).click();
    const row = page.locator('[data-field="assertions[1]"]');
    expect(await row.getByRole('alert').textContent()).toContain('must_contian is not allowed');
    expect(await page.locator('[data-field="assertions[0]"]').getByRole('alert').count()).toBe(0);

    // A field the form has: the message sits under that very input.
    await page.getByRole('tab', { name: 'YAML' }).click();
    await typeYaml(page, 'name: Capital\nmodel: claude-sonnet-4-6\ninputs:\n  query: Where?\nmodel_config:\n  temperature: warm\nassertions:\n  - must_contain: Paris\n');
    await expect.poll(() => problem.getAttribute('data-line')).toBe('6');
    await page.getByRole('tab', { name: 'Form' }).click();
    const field = page.locator('[data-field="model_config.temperature"]');
    expect(await field.getByRole('alert').textContent()).toBe('model_config.temperature must be a number');
    expect(await field.locator('input').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'editor-field-error');
    await field.locator('input').fill('0.2');
    await field.getByRole('alert').waitFor({ state: 'detached' });
  });

  it('a save refused by the backend shows its error at the field; a revision conflict says to reload', async () => {
    view = await openWorkspace(browser, host, '#/editor/test/capital');
    const { page } = view;
    await control(page, 'name').fill('');
    await page.locator('#save-button').click();
    await page.locator('[data-field="name"]').getByRole('alert').waitFor();
    expect(await page.locator('[data-field="name"]').getByRole('alert').textContent()).toBe('name is required');
    await control(page, 'name').fill('Capital');
    host.library.add(storedTest('capital', { ...CAPITAL, name: 'Changed elsewhere' }));
    await page.locator('#save-button').click();
    await page.locator('#editor-error').waitFor();
    expect(await page.locator('#editor-error').textContent()).toContain('changed since revision');
  });

  it('keeps a draft as you type: after a reload the text comes back, with a notice and Discard', async () => {
    view = await openWorkspace(browser, host, '#/editor/test/capital');
    const { page } = view;
    await control(page, 'inputs.query').fill('What is the capital of Italy?');
    await page.locator('#draft-status[data-state="saved"]').waitFor();
    expect(parse(host.drafts.get('test:capital')?.yaml ?? '')).toMatchObject({ inputs: { query: 'What is the capital of Italy?' } });
    await page.reload();
    await page.locator('#draft-restored').waitFor();
    expect(await control(page, 'inputs.query').inputValue()).toBe('What is the capital of Italy?');
    expect(await page.locator('#draft-status').textContent()).toContain('Unsaved changes');
    await screenshot(page, 'editor-draft-restored');
    await page.getByRole('button', { name: 'Discard them' }).click();
    expect(await control(page, 'inputs.query').inputValue()).toBe('What is the capital of France?');
    await expect.poll(() => host.drafts.has('test:capital')).toBe(false);
    await page.reload();
    await control(page, 'inputs.query').waitFor();
    expect(await page.locator('#draft-restored').count()).toBe(0);
  });

  it('a draft still waiting for its 300 ms timer is written at once when the page goes away (reload, quit)', async () => {
    view = await openWorkspace(browser, host, '#/editor/test/capital');
    const { page } = view;
    await control(page, 'inputs.query').waitFor();
    // The page's timers stand still from here: only the unload path can write the draft.
    await page.clock.install();
    await page.clock.pauseAt(Date.now() + 1_000);
    await control(page, 'inputs.query').fill('Typed just before quitting');
    await new Promise((resolve) => setTimeout(resolve, 600)); // twice the draft delay, in real time
    expect(host.callsOf('saveDraft')).toEqual([]);
    await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide')));
    await expect.poll(() => host.callsOf('saveDraft').length).toBe(1);
    expect(parse((host.callsOf('saveDraft')[0]?.[1] as { yaml: string }).yaml)).toMatchObject({ inputs: { query: 'Typed just before quitting' } });
  });

  it('a new test lives as a draft (listed in the Library after a reload) until Ctrl+S creates it', async () => {
    host.drafts.set('new-test:abc123abc123', { kind: 'test', id: null, revision: null, yaml: 'name: Brand new\nmodel: claude-sonnet-4-6\ninputs:\n  query: Hi\nassertions:\n  - icontains: hello\n', saved_at: '2026-12-01T09:00:00.000Z' });
    view = await openWorkspace(browser, host, '#/library');
    const { page } = view;
    await page.getByRole('link', { name: 'Brand new' }).click();
    await control(page, 'name').fill('Brand new test');
    await page.locator('#draft-status[data-state="saved"]').waitFor();
    await page.reload();
    expect(await control(page, 'name').inputValue()).toBe('Brand new test');
    await control(page, 'name').click();
    await page.keyboard.press('Control+s');
    await page.waitForURL(/#\/editor\/test\/brand-new-test$/);
    expect((host.library.get('test', 'brand-new-test') as StoredTest).spec.name).toBe('Brand new test');
    await expect.poll(() => host.drafts.has('new-test:abc123abc123')).toBe(false);
  });

  it('Ctrl+Enter runs the draft (even from inside the YAML editor) and shows the result with each assertion', async () => {
    host.executeResult = (spec, testId) => runRecord(spec, { test_id: testId, success: false, output: 'Rome, I think.', assertions: [{ kind: 'must_contain', expected: 'Paris', actual: 'Rome, I think.', passed: false, message: 'output does not contain "Paris"' }] });
    view = await openWorkspace(browser, host, '#/editor/test/capital');
    const { page } = view;
    await page.getByRole('tab', { name: 'YAML' }).click();
    await page.locator('.yaml-editor .cm-content').click();
    await page.keyboard.press('Control+Enter');
    const result = page.locator('.run-detail');
    await result.waitFor();
    expect(await result.getAttribute('data-success')).toBe('false');
    expect(await result.locator('.assertion-table tbody tr').textContent()).toContain('output does not contain "Paris"');
    expect(host.callsOf('execute')).toEqual([[{ spec: parse(CAPITAL_YAML), test_id: 'capital' }]]);
    await expect.poll(() => yamlShown(page), { timeout: 10_000 }).toBe(CAPITAL_YAML);
  });

  it('an error opening the test says so, and the editor never hangs silently', async () => {
    view = await openWorkspace(browser, host, '#/editor/test/missing');
    await view.page.getByRole('alert').filter({ hasText: 'The test could not be opened' }).waitFor();
    expect(await view.page.getByRole('alert').textContent()).toContain('tests/missing.yaml does not exist');
  });
});
