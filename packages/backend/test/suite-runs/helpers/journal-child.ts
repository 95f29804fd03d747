import { build } from 'esbuild';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSidecar, type SidecarProcess } from '../../helpers/sidecar-process.js';
import { NATIVE_BINDING } from '../../store/helpers/store-child.js';

const fixture = fileURLToPath(new URL('../fixtures/journal-child.ts', import.meta.url));
let outDir: string | undefined;
let built: Promise<string> | undefined;

function childFile(): Promise<string> {
  built ??= (async () => {
    outDir = await mkdtemp(join(tmpdir(), 'sentinel-journal-child-'));
    const outfile = join(outDir, 'journal-child.mjs');
    const banner = "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);";
    await build({ entryPoints: [fixture], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', banner: { js: banner }, logLevel: 'warning' });
    return outfile;
  })();
  return built;
}

/** Runs the journal child on `dataDir` with `env` (SUITE, ANTHROPIC_*); killed by `killSidecars()`. */
export async function spawnJournalChild(dataDir: string, env: Record<string, string>): Promise<SidecarProcess> {
  return spawnSidecar(await childFile(), { DATA_DIR: dataDir, NATIVE_BINDING, ...env });
}

/** Removes the bundled child (afterAll). */
export async function removeJournalChild(): Promise<void> {
  if (outDir !== undefined) await rm(outDir, { recursive: true, force: true });
  built = undefined;
  outDir = undefined;
}
