import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, posix, resolve } from 'node:path';
import { SIDECAR_BUNDLE_FILE_NAME } from '@sentinel/backend';
import { describe, expect, it } from 'vitest';
import { BACKEND_BUNDLE_FILE, NATIVE_SQLITE_FILE, PACKAGED_BACKEND_DIR, packagedSidecarPath } from '../src/electron/packaged-paths.js';

// electron-builder cannot run here (it downloads Electron): its configuration is checked instead,
// with electron-builder's own schema validation and its own glob matcher.
const require = createRequire(import.meta.url);
const packageDir = resolve(import.meta.dirname, '..');
const builderRequire = createRequire(require.resolve('app-builder-lib/package.json', { paths: [require.resolve('electron-builder/package.json')] }));
const config = require(join(packageDir, 'electron-builder.config.cjs')) as {
  appId: string;
  extraMetadata: { main: string };
  files: string[];
  asar: boolean;
  asarUnpack: string[];
  npmRebuild: boolean;
  nodeGypRebuild: boolean;
  extraResources?: unknown;
  electronFuses: Record<string, boolean>;
  linux: { target: string[] };
  mac: { target: string[] };
  win: { target: string[] };
};
const { minimatch } = builderRequire('minimatch') as { minimatch: (path: string, pattern: string) => boolean };
const backendDir = posix.join(...PACKAGED_BACKEND_DIR);

describe('electron-builder configuration', () => {
  it('passes electron-builder’s own validation (unknown or misspelt options fail it)', async () => {
    const { validateConfiguration } = builderRequire('./out/util/config/config') as { validateConfiguration: (config: unknown, logger: unknown) => Promise<void> };
    const { DebugLogger } = builderRequire('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, electronFuses: { ...config.electronFuses, runAsNodes: false } }, new DebugLogger(false))).rejects.toThrow(/electronFuses/);
  });

  it('names the app and the installers for every platform', () => {
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.mac.target).toContain('dmg');
    expect(config.win.target).toContain('nsis');
  });

  it('flips Electron’s fuses: no run-as-node, NODE_OPTIONS or inspect flags; asar only, integrity-checked; cookies encrypted', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });

  it('ships the backend folder inside the asar where the main process looks for it, the native file unpacked', () => {
    const bundle = `${backendDir}/${BACKEND_BUNDLE_FILE}`;
    const native = `${backendDir}/${NATIVE_SQLITE_FILE}`;
    const shipped = (path: string) => config.files.some((pattern) => !pattern.startsWith('!') && minimatch(path, pattern));
    // Every file stage-backend.mjs stages: launcher, program bundle, what it compiles on first use, native file.
    for (const file of [bundle, native, `${backendDir}/${SIDECAR_BUNDLE_FILE_NAME}`, `${backendDir}/${SIDECAR_BUNDLE_FILE_NAME}.vendor-openai.cjs`]) expect(shipped(file)).toBe(true);
    expect(config.extraResources).toBeUndefined();
    // main.ts: packagedSidecarPath(app.getAppPath()), app.getAppPath() being …/resources/app.asar
    expect(packagedSidecarPath('/opt/Sentinel/resources/app.asar')).toBe(`/opt/Sentinel/resources/app.asar/${bundle}`);
    const unpacked = (path: string) => config.asarUnpack.some((pattern) => minimatch(path, pattern));
    expect(unpacked(native)).toBe(true);
    expect(unpacked(bundle)).toBe(false); // the bundle stays in the asar, covered by its integrity check
    expect(unpacked(`${backendDir}/${SIDECAR_BUNDLE_FILE_NAME}`)).toBe(false);
  });

  it('never rebuilds the workspace’s node_modules in place (package.mjs rebuilds better-sqlite3 in a staging folder)', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.nodeGypRebuild).toBe(false);
    expect(config.files).toContain('!**/node_modules/**');
  });

  it('ships the bundled main, the preload and the renderer, and they exist after a build', () => {
    expect(config.files).toEqual(expect.arrayContaining([config.extraMetadata.main, 'dist/electron/preload.cjs', 'dist/renderer/**/*']));
    for (const file of [config.extraMetadata.main, 'dist/electron/preload.cjs', 'dist/renderer/index.html', 'dist/renderer/app.js']) {
      expect(existsSync(join(packageDir, file)), file).toBe(true);
    }
  });
});
