/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// (DOM types for the callbacks that run in the page.)
import type { Page } from 'playwright-core';

/** Replace the YAML tab's whole text, as typing would (select all, delete, type). */
export async function typeYaml(page: Page, text: string): Promise<void> {
  await page.locator('.yaml-editor .cm-content').click();
  // Cleared first: Chromium's own editing adds an inline style (refused by the CSP, harmlessly) when typing replaces a multi-line selection.
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Backspace');
  await page.keyboard.insertText(text);
}

/**
 * The text the YAML tab shows: CodeMirror's lines, one `.cm-line` each, inside its shadow root.
 * Read it with `expect.poll`: an editor that was hidden draws its lines a frame after its tab
 * opens, so a read at once after the click can find none.
 */
export function yamlShown(page: Page): Promise<string> {
  return page.locator('.yaml-editor').evaluate((element) => [...(element.shadowRoot?.querySelectorAll('.cm-line') ?? [])].map((line) => line.textContent ?? '').join('\n'));
}
