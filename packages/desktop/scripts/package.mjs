// `npm run package`: build everything this app ships, rebuild better-sqlite3 for Electron, stage the
// backend folder, then run electron-builder with our config. Packages for this machine's platform
// and architecture. Needs internet access (Electron, its headers or prebuilt binaries).
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { installedElectron } from './native-abi.mjs';
import { rebuildSqliteForElectron } from './rebuild-native.mjs';
import { BACKEND_STAGE_DIR, stageBackend } from './stage-backend.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);

const run = (command, commandArgs, cwd = root) => {
  const result = spawnSync(command, commandArgs, { cwd, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

// The native module is rebuilt for this machine's platform: cross-packaging would ship the wrong one.
const PLATFORM_FLAGS = { '--win': 'win32', '--windows': 'win32', '--mac': 'darwin', '--macos': 'darwin', '--linux': 'linux', '--universal': 'none' };
const foreign = args.find((arg) => PLATFORM_FLAGS[arg] !== undefined && PLATFORM_FLAGS[arg] !== process.platform);
if (foreign) {
  console.error(`${foreign}: better-sqlite3 is rebuilt for ${process.platform}/${process.arch} only; package on the target machine instead.`);
  process.exit(1);
}
const arch = ['x64', 'arm64', 'ia32', 'armv7l'].find((name) => args.includes(`--${name}`)) ?? process.arch;

run('npm', ['run', 'build', '-w', '@sentinel/backend'], join(root, '..', '..'));
run('npm', ['run', 'build']);

const backendRequire = createRequire(require.resolve('@sentinel/backend/package.json'));
const sqliteManifest = backendRequire.resolve('better-sqlite3/package.json');
const electron = installedElectron(require);
// @electron/rebuild is electron-builder's own (a dependency of app-builder-lib).
const { rebuild } = await import(pathToFileURL(require.resolve('@electron/rebuild', { paths: [dirname(require.resolve('electron-builder/package.json'))] })).href);
const workDir = await mkdtemp(join(tmpdir(), 'sentinel-native-'));
try {
  const nativeFile = await rebuildSqliteForElectron({
    sourceDir: dirname(sqliteManifest),
    version: backendRequire(sqliteManifest).version,
    electronVersion: electron.version,
    arch,
    workDir,
    rebuild,
  });
  const bundle = fileURLToPath(import.meta.resolve('@sentinel/backend/sidecar'));
  await stageBackend({ bundle, nativeFile, outDir: join(root, BACKEND_STAGE_DIR), expectedAbi: electron.abi });
} finally {
  await rm(workDir, { recursive: true, force: true });
}
run(process.execPath, [require.resolve('electron-builder/cli.js'), '--config', 'electron-builder.config.cjs', `--${arch}`, ...args.filter((arg) => arg !== `--${arch}`)]);
