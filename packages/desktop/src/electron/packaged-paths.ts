import { join } from 'node:path';

/**
 * The backend folder inside the packaged app (app.asar), as electron-builder.config.cjs ships it:
 * the bundle, integrity-checked with the rest of the asar, and better-sqlite3's native file beside
 * it, rebuilt for Electron's ABI and unpacked (a .node file must be a real file to be loaded).
 */
export const PACKAGED_BACKEND_DIR = ['dist', 'backend'] as const;
export const BACKEND_BUNDLE_FILE = 'sentinel-backend.cjs';
export const NATIVE_SQLITE_FILE = 'better_sqlite3.node';

/** The backend bundle of the packaged app, from `app.getAppPath()` (…/resources/app.asar). */
export function packagedSidecarPath(appPath: string): string {
  return join(appPath, ...PACKAGED_BACKEND_DIR, BACKEND_BUNDLE_FILE);
}
