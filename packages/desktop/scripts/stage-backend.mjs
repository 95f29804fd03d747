// The backend folder the packaged app ships inside app.asar (electron-builder.config.cjs):
// the bundle, and better-sqlite3's native file beside it, where the bundle loads it from.
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { nativeModuleAbi } from './native-abi.mjs';

export const BACKEND_STAGE_DIR = join('dist', 'backend');
export const BUNDLE_FILE = 'sentinel-backend.mjs';
export const NATIVE_FILE = 'better_sqlite3.node';

/**
 * Replace `outDir` with the bundle and the native file. Throws, naming both ABIs, when the native
 * file was not built for `expectedAbi` (Electron's): the packaged backend would fail to open its store.
 */
export async function stageBackend({ bundle, nativeFile, outDir, expectedAbi }) {
  const abi = nativeModuleAbi(nativeFile);
  if (abi !== expectedAbi) {
    throw new Error(`${nativeFile} is built for ABI ${abi ?? 'unknown'}, but the packaged app runs it under ABI ${expectedAbi}: rebuild it for Electron`);
  }
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  await copyFile(bundle, join(outDir, BUNDLE_FILE));
  await copyFile(nativeFile, join(outDir, NATIVE_FILE));
  return { bundle: join(outDir, BUNDLE_FILE), nativeFile: join(outDir, NATIVE_FILE) };
}
