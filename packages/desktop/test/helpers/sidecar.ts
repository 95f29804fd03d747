import { copyFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { sidecarFiles, SIDECAR_FILE_NAME } from '@sentinel/backend';
import { devSidecarPath } from '../../src/host/defaults.js';

/**
 * A private copy of the real backend folder (launcher, bundle, code cache, native SQLite file), so a test can
 * break it (crash loop) and restore it without touching the checkout. It runs with no node_modules.
 */
export async function copySidecar(dir: string): Promise<{ path: string; breakIt(message: string): Promise<void>; slowDown(delayMs: number): Promise<void>; restore(): Promise<void> }> {
  const path = join(dir, SIDECAR_FILE_NAME);
  const original = devSidecarPath();
  const source = dirname(original);
  for (const file of sidecarFiles(source)) await copyFile(join(source, file), join(dir, file));
  await copyFile(original, join(dir, 'real-backend.cjs'));
  return {
    path,
    // A backend that takes `delayMs` before it even loads: the UI must show slow-start progress.
    slowDown: (delayMs) => writeFile(path, `setTimeout(() => require('./real-backend.cjs'), ${delayMs});\n`),
    breakIt: (message) => writeFile(path, `console.error(${JSON.stringify(message)});\nprocess.exit(3);\n`),
    restore: () => copyFile(original, path),
  };
}
