import { build } from 'esbuild';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSidecar, type SidecarProcess } from '../../helpers/sidecar-process.js';

const fixture = fileURLToPath(new URL('../fixtures/store-child.ts', import.meta.url));
/** better-sqlite3's compiled addon, passed to the child as `nativeBinding` (the child runs from a temp dir). */
export const NATIVE_BINDING = join(dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');

let outDir: string | undefined;
let built: Promise<string> | undefined;

/** Bundles the store child fixture once (per test file) into a temp dir; resolves with its path. */
export function storeChildFile(): Promise<string> {
  built ??= (async () => {
    outDir = await mkdtemp(join(tmpdir(), 'sentinel-store-child-'));
    const outfile = join(outDir, 'store-child.mjs');
    const banner = "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);";
    await build({ entryPoints: [fixture], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', banner: { js: banner }, logLevel: 'warning' });
    return outfile;
  })();
  return built;
}

/** Runs the store child in `mode` (hold | insert | suite | import-freeze) on `dataDir`; killed by `killSidecars()`. */
export async function spawnStoreChild(mode: string, dataDir: string): Promise<SidecarProcess> {
  const file = await storeChildFile();
  return spawnSidecar(file, { MODE: mode, DATA_DIR: dataDir, NATIVE_BINDING });
}

/** Removes the bundled fixture (afterAll). */
export async function removeStoreChild(): Promise<void> {
  if (outDir !== undefined) await rm(outDir, { recursive: true, force: true });
  built = undefined;
  outDir = undefined;
}
