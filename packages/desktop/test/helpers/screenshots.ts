import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';

/** The committed screenshots shown in the README. */
export const SCREENSHOTS_DIR = resolve(import.meta.dirname, '..', '..', 'screenshots');

/**
 * Set by `npm run screenshots` (scripts/screenshots.mjs). Without it the Chromium tests run the same
 * steps but write nothing, so `npx vitest run` never rewrites committed files.
 */
export const SCREENSHOTS_ENV = 'SENTINEL_WRITE_SCREENSHOTS';

export function screenshotsRequested(env: NodeJS.ProcessEnv = process.env): boolean {
  return env[SCREENSHOTS_ENV] === '1';
}

/** Save `<name>.png` of the page (the whole page with `fullPage`) when screenshots were asked for; otherwise do nothing. */
export async function saveScreenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  if (!screenshotsRequested()) return;
  await mkdir(SCREENSHOTS_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS_DIR, `${name}.png`), fullPage: options.fullPage ?? false });
}
