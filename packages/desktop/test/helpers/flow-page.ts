/// <reference lib="dom" />
// (DOM types for the callbacks that run in the page.)
import type { Page } from 'playwright-core';

/** The Chromium this machine has (Debian's package), headless, as every browser test here launches it. */
export const CHROMIUM = { executablePath: '/usr/bin/chromium', headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] };

/** Click a section of the top bar's navigation. */
export async function nav(page: Page, section: string): Promise<void> {
  await page.locator('nav.tabs').getByRole('link', { name: section, exact: true }).click();
}

/**
 * Collect the page's script errors and console errors (CSP violations among them) into `into`. A
 * bridge call answered with an error status (a refused key, a broken file) is logged by Chromium as
 * "Failed to load resource": that is the expected answer, not a problem of the page.
 */
export function pageProblems(page: Page, into: string[]): void {
  page.on('pageerror', (error) => into.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource: the server responded with a status of 4')) into.push(message.text());
  });
}

/** Go to a route of the workspace (its URL hash), as a link would. */
export async function go(page: Page, hash: string): Promise<void> {
  await page.evaluate((target) => void (window.location.hash = target), hash);
}

/** A suite of `count` cases asking the capital of Australia (`case-01`...), each checked for "Canberra". */
export function capitalsSuiteYaml(count: number): string {
  const tests = Array.from({ length: count }, (_, index) => {
    const number = String(index + 1).padStart(2, '0');
    return `  - name: case-${number}\n    inputs:\n      query: "Question ${number}: what is the capital of Australia?"\n`;
  });
  return `# ${count} cases: enough to watch a suite ride through a backend crash\nname: Twenty capitals\ndescription: The same question ${count} times.\ndefaults:\n  model: claude-haiku-4-5\n  assertions:\n    - must_contain: Canberra\ntests:\n${tests.join('')}`;
}
