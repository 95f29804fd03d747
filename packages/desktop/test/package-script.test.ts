import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, posix, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sidecarFiles } from '@sentinel/backend';
import { BACKEND_BUNDLE_FILE, NATIVE_SQLITE_FILE, PACKAGED_BACKEND_DIR } from '../src/electron/packaged-paths.js';
import { devSidecarPath } from '../src/host/defaults.js';
import { waitGone } from './helpers/processes.js';

// scripts/package.mjs's steps that run without internet: the ABI check, staging the backend folder,
// and preparing better-sqlite3's rebuild for Electron. @electron/rebuild itself (which downloads a
// prebuilt binary or Electron's headers) is replaced at that boundary by a stand-in.
const require = createRequire(import.meta.url);
const packageDir = resolve(import.meta.dirname, '..');
const scripts = join(packageDir, 'scripts');
const { nativeModuleAbi, installedElectron } = (await import(join(scripts, 'native-abi.mjs'))) as {
  nativeModuleAbi: (file: string) => number | undefined;
  installedElectron: () => { version: string; abi: number };
};
const { stageBackend, BACKEND_STAGE_DIR, BUNDLE_FILE, NATIVE_FILE, PROGRAM_FILE } = (await import(join(scripts, 'stage-backend.mjs'))) as {
  stageBackend: (options: { bundle: string; nativeFile: string; outDir: string; expectedAbi: number }) => Promise<{ bundle: string; nativeFile: string }>;
  BACKEND_STAGE_DIR: string;
  BUNDLE_FILE: string;
  NATIVE_FILE: string;
  PROGRAM_FILE: string;
};
const { rebuildSqliteForElectron } = (await import(join(scripts, 'rebuild-native.mjs'))) as {
  rebuildSqliteForElectron: (options: Record<string, unknown>) => Promise<string>;
};

const backendRequire = createRequire(require.resolve('@sentinel/backend/package.json'));
const sqliteDir = dirname(backendRequire.resolve('better-sqlite3/package.json'));
const nodeBuild = join(sqliteDir, 'build', 'Release', 'better_sqlite3.node');
const NODE_ABI = Number(process.versions.modules);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sentinel-package-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the native file’s ABI', () => {
  it('reads the ABI a native addon was built for: the installed better-sqlite3 is Node’s', () => {
    expect(nativeModuleAbi(nodeBuild)).toBe(NODE_ABI);
  });

  it('knows the installed Electron’s version and ABI (not Node’s)', () => {
    const electron = installedElectron();
    expect(electron.version).toBe((require('electron/package.json') as { version: string }).version);
    expect(electron.abi).toBeGreaterThan(NODE_ABI);
  });
});

describe('staging the backend folder', () => {
  it('uses the folder names electron-builder.config.cjs and the main process use', () => {
    expect(BACKEND_STAGE_DIR.split(/[\\/]/)).toEqual([...PACKAGED_BACKEND_DIR]);
    expect([BUNDLE_FILE, NATIVE_FILE]).toEqual([BACKEND_BUNDLE_FILE, NATIVE_SQLITE_FILE]);
    const config = require(join(packageDir, 'electron-builder.config.cjs')) as { files: string[] };
    expect(PROGRAM_FILE.startsWith(BACKEND_BUNDLE_FILE.replace(/\.cjs$/, ''))).toBe(true);
    expect(config.files).toContain(`${posix.join(...PACKAGED_BACKEND_DIR)}/**/*`);
  });

  it('refuses a native file built for another ABI (Node’s build, not rebuilt for Electron), naming both', async () => {
    const electron = installedElectron();
    const outDir = join(dir, 'refused');
    await expect(stageBackend({ bundle: devSidecarPath(), nativeFile: nodeBuild, outDir, expectedAbi: electron.abi })).rejects.toThrow(
      new RegExp(`built for ABI ${NODE_ABI}, but the packaged app runs it under ABI ${electron.abi}`),
    );
    expect(existsSync(outDir)).toBe(false);
  });

  it('stages the launcher and its bundle with the native file beside them; the folder runs on its own (no node_modules)', async () => {
    const outDir = join(dir, 'backend');
    const staged = await stageBackend({ bundle: devSidecarPath(), nativeFile: nodeBuild, outDir, expectedAbi: NODE_ABI });
    const staged_ = (await readdir(outDir)).sort();
    expect(staged_).toEqual(sidecarFiles(dirname(devSidecarPath()), { codeCaches: false }).sort());
    expect(staged_).toEqual(expect.arrayContaining([BUNDLE_FILE, PROGRAM_FILE, NATIVE_FILE, `${PROGRAM_FILE}.vendor-anthropic-sdk.cjs`]));
    expect((await readFile(staged.nativeFile)).equals(await readFile(nodeBuild))).toBe(true);
    expect(dirname(staged.bundle)).toBe(dirname(staged.nativeFile));
    // Run under Node (the ABI staged here), as the packaged app runs it under Electron's.
    const child = spawn(process.execPath, [staged.bundle], {
      cwd: outDir,
      env: { PATH: process.env.PATH, HOST: '127.0.0.1', SENTINEL_TOKEN: 'package-test-token', SENTINEL_DATA_DIR: join(dir, 'data') },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const port = await new Promise<number>((resolvePromise, reject) => {
      child.once('exit', (code) => reject(new Error(`the staged backend exited with ${code}`)));
      createInterface({ input: child.stdout! }).on('line', (line) => {
        const event = JSON.parse(line) as { event?: string; port?: number };
        if (event.event === 'listening') resolvePromise(event.port!);
      });
    });
    expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
    child.kill('SIGTERM');
    await waitGone(child.pid!);
  });
});

describe('rebuilding better-sqlite3 for Electron', () => {
  it('rebuilds a copy of its sources in a staging folder (never the workspace’s), and the result is staged', async () => {
    const electron = installedElectron();
    const workDir = join(dir, 'native-work');
    const calls: Array<Record<string, unknown>> = [];
    // Stand-in for @electron/rebuild: records what it is asked and writes an addon built for Electron's ABI.
    const rebuild = async (options: { buildPath: string }) => {
      calls.push(options);
      const out = join(options.buildPath, 'node_modules', 'better-sqlite3', 'build', 'Release');
      await mkdir(out, { recursive: true });
      await writeFile(join(out, 'better_sqlite3.node'), `\u007fELF...node_register_module_v${electron.abi}...`);
    };
    const version = (backendRequire('better-sqlite3/package.json') as { version: string }).version;
    const rebuilt = await rebuildSqliteForElectron({ sourceDir: sqliteDir, version, electronVersion: electron.version, arch: 'x64', workDir, rebuild });

    expect(calls).toEqual([{ buildPath: workDir, electronVersion: electron.version, arch: 'x64', onlyModules: ['better-sqlite3'], force: true }]);
    expect(JSON.parse(await readFile(join(workDir, 'package.json'), 'utf8'))).toMatchObject({ dependencies: { 'better-sqlite3': version } });
    for (const source of ['binding.gyp', 'package.json', 'src', 'deps', 'lib']) expect(existsSync(join(workDir, 'node_modules', 'better-sqlite3', source)), source).toBe(true);
    expect(nativeModuleAbi(nodeBuild)).toBe(NODE_ABI); // the workspace's own build is untouched
    const staged = await stageBackend({ bundle: devSidecarPath(), nativeFile: rebuilt, outDir: join(dir, 'electron-backend'), expectedAbi: electron.abi });
    expect(nativeModuleAbi(staged.nativeFile)).toBe(electron.abi);
  });
});
