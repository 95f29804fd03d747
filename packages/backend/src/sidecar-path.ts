import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isCodeCacheFile } from './launch/code-cache.js';
import { SQLITE_NATIVE_FILE_NAME } from './store/native-binding.js';

/** File name of the sidecar's entry inside `dist/`: a small launcher that runs {@link SIDECAR_BUNDLE_FILE_NAME}. */
export const SIDECAR_FILE_NAME = 'sentinel-backend.cjs';

/**
 * File name of the sidecar's program beside its entry: one CommonJS bundle, run by the launcher
 * with the V8 code cache the build wrote beside it (`sentinel-backend.bundle.cjs.v8-<version>.cache`,
 * for this Node's V8 only). The sidecar folder is the launcher, this bundle, the packages it
 * compiles on first use (`sentinel-backend.bundle.cjs.vendor-<name>.cjs`) and better-sqlite3's
 * native file; the code caches are optional ({@link sidecarFiles} lists the folder).
 */
export const SIDECAR_BUNDLE_FILE_NAME = 'sentinel-backend.bundle.cjs';

/**
 * Absolute path of the bundled sidecar (`dist/sentinel-backend.cjs`): run it with `node`, or with
 * Electron's Node (`ELECTRON_RUN_AS_NODE=1`); it needs no node_modules beside it.
 */
export const sidecarPath: string = fileURLToPath(new URL(`../dist/${SIDECAR_FILE_NAME}`, import.meta.url));

/** Which of the sidecar folder's files {@link sidecarFiles} lists. */
export interface SidecarFilesOptions {
  /** Include the code caches (valid only for the V8 of the Node that built them). @default true */
  readonly codeCaches?: boolean;
}

/**
 * The files of a built sidecar folder (default: this package's `dist/`), by name: the launcher,
 * the program bundle and the files named after it (the packages it compiles on first use, and
 * its code caches), and better-sqlite3's native file. Copy these and the folder runs on its own.
 */
export function sidecarFiles(dir: string = dirname(sidecarPath), options: SidecarFilesOptions = {}): string[] {
  const program = readdirSync(dir).filter((file) => file.startsWith(SIDECAR_BUNDLE_FILE_NAME) && (options.codeCaches !== false || !isCodeCacheFile(file)));
  return [SIDECAR_FILE_NAME, ...program.sort(), SQLITE_NATIVE_FILE_NAME];
}
