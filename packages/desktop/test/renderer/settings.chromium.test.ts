/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeHost } from './helpers/fake-host.js';
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
});
afterEach(async () => {
  expect(view.errors).toEqual([]);
  await view.close();
});

describe('Settings', () => {
  it('each provider key is optional, checked before it is saved, and only ever shown masked', async () => {
    view = await openWorkspace(browser, host, '#/settings');
    const { page } = view;
    const anthropic = page.locator('[data-provider="anthropic"]');
    const openai = page.locator('[data-provider="openai"]');
    expect(await anthropic.locator('.masked-key').textContent()).toBe('sk-ant-…WXYZ');
    expect(await openai.locator('.masked-key').textContent()).toBe('not set');
    await screenshot(page, 'settings');

    await openai.locator('input').fill('sk-proj-wrong-key-0000');
    await openai.getByRole('button', { name: 'Check and save' }).click();
    const error = openai.locator('[data-field="key"]').getByRole('alert');
    await error.waitFor();
    expect(await error.textContent()).toBe('OpenAI refused the key: OpenAI answered 401 authentication_error. The OpenAI key was not saved.');
    // One call: the host checks the key with the provider before it stores it (the real host: the backend's verify).
    expect(host.callsOf('saveProviderKey')).toEqual([['openai', 'sk-proj-wrong-key-0000']]);
    expect(host.settings.keys.find((view) => view.provider === 'openai')?.configured).toBe(false);
    expect(await openai.locator('.masked-key').textContent()).toBe('not set');

    await openai.locator('input').fill('sk-proj-good-openai-key-9876');
    await openai.getByRole('button', { name: 'Check and save' }).click();
    await openai.getByText('OpenAI accepted the key. Saved; it is only ever shown masked.').waitFor();
    expect(host.callsOf('saveProviderKey').at(-1)).toEqual(['openai', 'sk-proj-good-openai-key-9876']);
    expect(await openai.locator('.masked-key').textContent()).toBe('sk-proj…9876');
    expect(await openai.locator('input').inputValue()).toBe('');
    expect(await page.content()).not.toContain('sk-proj-good-openai-key-9876');

    await anthropic.getByRole('button', { name: 'Check it' }).click();
    await anthropic.getByText('The Anthropic key works').waitFor();
    expect(host.callsOf('verifyProviderKey').at(-1)).toEqual(['anthropic']);
    await anthropic.getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => anthropic.locator('.masked-key').textContent()).toBe('not set');
  });

  it('changes the workspace folder; a bad path is shown at the field; the default comes back', async () => {
    view = await openWorkspace(browser, host, '#/settings');
    const { page } = view;
    expect(await page.locator('#workspace-dir').textContent()).toBe('/home/me/.config/Sentinel/workspace');
    await page.locator('#workspace-folder').fill('prompts');
    await page.getByRole('button', { name: 'Use this folder' }).click();
    const field = page.locator('[data-field="workspace_dir"]');
    await field.getByRole('alert').waitFor();
    expect(await field.getByRole('alert').textContent()).toBe('The workspace folder must be an absolute path');
    await page.locator('#workspace-folder').fill('/home/me/git/prompts');
    await page.getByRole('button', { name: 'Use this folder' }).click();
    await expect.poll(() => page.locator('#workspace-dir').textContent()).toBe('/home/me/git/prompts');
    await page.getByRole('button', { name: 'Use the default' }).click();
    await expect.poll(() => page.locator('#workspace-dir').textContent()).toBe('/home/me/.config/Sentinel/workspace');
  });

  it('says so when the settings cannot be loaded', async () => {
    host.override('getSettings', () => Promise.reject(new Error('The backend is not running')));
    view = await openWorkspace(browser, host, '#/settings');
    await view.page.getByRole('alert').filter({ hasText: 'The settings could not be loaded' }).waitFor();
  });
});
