// Electron's main-process entry. Passing the real `electron` module to startElectronShell makes
// TypeScript check the shell's narrowed Electron API against Electron's own types. The backend runs
// through `utilityProcess` (the shell's default spawn): no ELECTRON_RUN_AS_NODE, so it works with
// the `runAsNode` fuse off.
import { app, BrowserWindow, dialog, ipcMain, Notification, protocol, safeStorage, shell, utilityProcess } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDefaultClient, devSidecarPath, createDefaultSupervisor } from '../host/defaults.js';
import { startElectronShell } from './shell.js';
import type { ElectronApi } from './electron-api.js';
import { packagedSidecarPath } from './packaged-paths.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const electron: ElectronApi = { app, BrowserWindow, ipcMain, Notification, safeStorage, dialog, protocol, shell, utilityProcess };

try {
  await startElectronShell(electron, {
    sidecarPath: app.isPackaged ? packagedSidecarPath(app.getAppPath()) : devSidecarPath(),
    rendererDir: join(here, '..', 'renderer'),
    preloadPath: join(here, 'preload.cjs'),
    createSupervisor: createDefaultSupervisor,
    createClient: createDefaultClient,
  });
} catch (error) {
  dialog.showErrorBox('Sentinel could not start', error instanceof Error ? error.message : String(error));
  app.exit(1);
}
