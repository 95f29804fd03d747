import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const packageDir = resolve(import.meta.dirname, '..');
const config = require(join(packageDir, 'electron-builder.config.cjs')) as {
  appId: string;
  extraMetadata: { main: string };
  files: string[];
  extraResources: Array<{ from: string; to: string }>;
  linux: { target: string[] };
  mac: { target: string[] };
  win: { target: string[] };
};

describe('electron-builder configuration', () => {
  it('names the app and the installers for every platform', () => {
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.mac.target).toContain('dmg');
    expect(config.win.target).toContain('nsis');
  });

  it('carries the backend bundle as an extra resource where the main process looks for it', () => {
    const backend = config.extraResources.find((resource) => resource.from.endsWith('sentinel-backend.mjs'));
    expect(backend).toBeDefined();
    expect(resolve(backend!.from)).toBe(resolve(packageDir, '../backend/dist/sentinel-backend.mjs'));
    // main.ts: join(process.resourcesPath, 'backend', 'sentinel-backend.mjs')
    expect(backend!.to).toBe('backend/sentinel-backend.mjs');
    expect(existsSync(backend!.from)).toBe(true);
  });

  it('ships the bundled main, the preload and the renderer, and they exist after a build', () => {
    expect(config.files).toEqual(expect.arrayContaining([config.extraMetadata.main, 'dist/electron/preload.cjs', 'dist/renderer/**/*']));
    for (const file of [config.extraMetadata.main, 'dist/electron/preload.cjs', 'dist/renderer/index.html', 'dist/renderer/app.js']) {
      expect(existsSync(join(packageDir, file)), file).toBe(true);
    }
  });
});
