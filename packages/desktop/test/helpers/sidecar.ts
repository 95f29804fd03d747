import { copyFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { devSidecarPath } from '../../src/host/defaults.js';

/**
 * A private copy of the real backend bundle, so a test can break it (crash loop) and restore it
 * without touching the checkout. The copy runs with no node_modules beside it.
 */
export async function copySidecar(dir: string): Promise<{ path: string; breakIt(message: string): Promise<void>; slowDown(delayMs: number): Promise<void>; restore(): Promise<void> }> {
  const path = join(dir, 'sentinel-backend.mjs');
  const original = devSidecarPath();
  await copyFile(original, path);
  await copyFile(original, join(dir, 'real-backend.mjs'));
  return {
    path,
    // A backend that takes `delayMs` before it even loads: the UI must show slow-start progress.
    slowDown: (delayMs) => writeFile(path, `setTimeout(() => import('./real-backend.mjs'), ${delayMs});\n`),
    breakIt: (message) => writeFile(path, `console.error(${JSON.stringify(message)});\nprocess.exit(3);\n`),
    restore: () => copyFile(original, path),
  };
}
