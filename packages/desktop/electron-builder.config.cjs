// electron-builder configuration for Sentinel (`npm run package`, which runs scripts/package.mjs).
// The Electron main process is bundled by scripts/build-renderer.mjs into dist/electron/main.bundle.mjs,
// so the app ships no node_modules. The backend ships as one folder inside app.asar, staged by
// scripts/package.mjs: the launcher and the bundle it runs, and better-sqlite3's native file beside them, rebuilt there for
// Electron's ABI (the workspace's node_modules stay built for Node) and unpacked from the asar.

/** The staged backend folder (scripts/stage-backend.mjs; src/electron/packaged-paths.ts reads it at runtime). */
const BACKEND_DIR = 'dist/backend';

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'dev.sentinel.desktop',
  productName: 'Sentinel',
  directories: { output: 'release', buildResources: 'build' },
  extraMetadata: { main: 'dist/electron/main.bundle.mjs' },
  files: [
    'dist/electron/main.bundle.mjs',
    'dist/electron/preload.cjs',
    'dist/renderer/**/*',
    // Everything scripts/stage-backend.mjs staged: launcher, bundle, its lazily compiled packages, native file.
    `${BACKEND_DIR}/**/*`,
    'package.json',
    '!**/node_modules/**',
    '!**/*.map',
  ],
  asar: true,
  // A native addon must be a real file to be loaded; Electron redirects the bundle's load of
  // app.asar/dist/backend/better_sqlite3.node to app.asar.unpacked/... .
  asarUnpack: [`${BACKEND_DIR}/*.node`],
  // Never rebuild the workspace's node_modules in place (the Node tests use them): package.mjs
  // rebuilds better-sqlite3 for Electron in a staging folder, and refuses a file of another ABI.
  npmRebuild: false,
  nodeGypRebuild: false,
  // Electron's fuses (flipped in the binary at package time), as its security guide asks.
  electronFuses: {
    // The signed binary must not run as a plain Node interpreter (ELECTRON_RUN_AS_NODE): the backend
    // runs through utilityProcess.fork instead.
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    onlyLoadAppFromAsar: true,
    enableEmbeddedAsarIntegrityValidation: true,
    enableCookieEncryption: true,
    // The renderer is served from app://sentinel, so file:// needs none of its old privileges.
    grantFileProtocolExtraPrivileges: false,
  },
  linux: { target: ['AppImage', 'deb'], category: 'Development', maintainer: 'Sentinel <sentinel@example.invalid>' },
  deb: { depends: [] },
  mac: { target: ['dmg'], category: 'public.app-category.developer-tools' },
  win: { target: ['nsis'] },
  nsis: { oneClick: false, allowToChangeInstallationDirectory: true },
};
