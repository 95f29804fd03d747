import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { StoreOpenError } from './errors.js';

/** File name of better-sqlite3's native addon, copied beside the sidecar bundle by `scripts/bundle.mjs`. */
export const SQLITE_NATIVE_FILE_NAME = 'better_sqlite3.node';

/** Replaced with `true` by the bundler (esbuild `define`); undeclared when running from sources or tsc output. */
declare const __SENTINEL_BUNDLE__: boolean | undefined;

function isBundle(): boolean {
  return typeof __SENTINEL_BUNDLE__ !== 'undefined' && __SENTINEL_BUNDLE__;
}

/**
 * Where better-sqlite3 should load its native addon from: beside the running bundle, or
 * `undefined` (its normal resolution through node_modules) when running from sources.
 * @throws StoreOpenError `STORE_OPEN_FAILED` when the bundle's native file is missing.
 */
export function defaultNativeBinding(): string | undefined {
  if (!isBundle()) return undefined;
  const path = fileURLToPath(new URL(`./${SQLITE_NATIVE_FILE_NAME}`, import.meta.url));
  if (!existsSync(path)) {
    throw new StoreOpenError(
      'STORE_OPEN_FAILED',
      `SQLite's native file ${path} is missing: copy ${SQLITE_NATIVE_FILE_NAME} (built for this runtime's ABI) beside the backend bundle`,
    );
  }
  return path;
}
