// Opens a sentinel-chaos HTML report in headless Chromium (Debian's /usr/bin/chromium, no network)
// and saves a full-page screenshot.  Usage: node scripts/screenshot-report.mjs report.html out.png
import { chromium } from 'playwright-core';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const [html, png] = process.argv.slice(2);
if (html === undefined || png === undefined) {
  console.error('usage: node scripts/screenshot-report.mjs <report.html> <out.png>');
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1500, height: 900 } });
  const requests = [];
  page.on('request', (request) => { if (!request.url().startsWith('file:')) requests.push(request.url()); });
  await page.goto(pathToFileURL(resolve(html)).href, { waitUntil: 'load' });
  await page.screenshot({ path: png, fullPage: true });
  if (requests.length > 0) {
    console.error(`the report is not self-contained: it requested ${requests.join(', ')}`);
    process.exitCode = 1;
  }
  console.log(`screenshot: ${png}`);
} finally {
  await browser.close();
}
