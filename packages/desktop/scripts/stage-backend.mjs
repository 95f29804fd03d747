// The backend folder the packaged app ships inside app.asar (electron-builder.config.cjs): the
// launcher, the program bundle it runs (and the packages it compiles on first use, beside it), and
// better-sqlite3's native file, where the bundle loads it from. Not the code caches: they are
// written for the V8 of the Node that built the bundle, and Electron runs another (the launcher
// would not even read them).
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { SIDECAR_BUNDLE_FILE_NAME, sidecarFiles } from '@sentinel/backend';
import { nativeModuleAbi } from './native-abi.mjs';

export const BACKEND_STAGE_DIR = join('dist', 'backend');
export const BUNDLE_FILE = 'sentinel-backend.cjs';
export const NATIVE_FILE = 'better_sqlite3.node';
export const PROGRAM_FILE = SIDECAR_BUNDLE_FILE_NAME;

/**
 * Replace `outDir` with the launcher (`bundle`), the program bundle beside it, and the native file. Throws, naming both ABIs, when the native
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
  // The program's files (its bundle and what it compiles on first use); the native file is the one given.
  const programFiles = sidecarFiles(dirname(bundle), { codeCaches: false }).filter((file) => file !== BUNDLE_FILE && file !== NATIVE_FILE);
  for (const file of programFiles) await copyFile(join(dirname(bundle), file), join(outDir, file));
  await copyFile(nativeFile, join(outDir, NATIVE_FILE));
  return { bundle: join(outDir, BUNDLE_FILE), nativeFile: join(outDir, NATIVE_FILE) };
}
