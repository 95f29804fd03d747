// electron-builder configuration for Sentinel (`npm run package`). The Electron main process is
// bundled by scripts/build-renderer.mjs into dist/electron/main.bundle.mjs, so the app ships no
// node_modules; the backend is one self-contained file carried as an extra resource and run by
// Electron's own Node (ELECTRON_RUN_AS_NODE=1).
const path = require('node:path');

const backendFile = path.join(__dirname, '..', 'backend', 'dist', 'sentinel-backend.mjs');

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'dev.sentinel.desktop',
  productName: 'Sentinel',
  directories: { output: 'release', buildResources: 'build' },
  extraMetadata: { main: 'dist/electron/main.bundle.mjs' },
  files: ['dist/electron/main.bundle.mjs', 'dist/electron/preload.cjs', 'dist/renderer/**/*', 'package.json', '!**/node_modules/**', '!**/*.map'],
  extraResources: [{ from: backendFile, to: 'backend/sentinel-backend.mjs' }],
  asar: true,
  linux: { target: ['AppImage', 'deb'], category: 'Development', maintainer: 'Sentinel <sentinel@example.invalid>' },
  deb: { depends: [] },
  mac: { target: ['dmg'], category: 'public.app-category.developer-tools' },
  win: { target: ['nsis'] },
  nsis: { oneClick: false, allowToChangeInstallationDirectory: true },
};
