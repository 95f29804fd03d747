import { APP_INDEX_URL } from './app-protocol.js';
import type { BrowserWindowLike, ElectronApi, WindowOptionsLike } from './electron-api.js';

/** The secure window options (Electron's security checklist). Exported so a test can assert on them. */
export function secureWindowOptions(preloadPath: string): WindowOptionsLike {
  return {
    width: 1180,
    height: 820,
    minWidth: 760,
    minHeight: 560,
    title: 'Sentinel',
    backgroundColor: '#f6f7f9',
    show: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  };
}

/**
 * Open the main window at once (it shows "Starting…" until the backend is ready) on
 * app://sentinel/index.html. Navigation, new windows, webviews and permissions are refused for
 * every web contents by the shell's `web-contents-created` guard.
 */
export function createMainWindow(electron: ElectronApi, paths: { preload: string }): BrowserWindowLike {
  const window = new electron.BrowserWindow(secureWindowOptions(paths.preload));
  void window.loadURL(APP_INDEX_URL);
  return window;
}

export function focusWindow(window: BrowserWindowLike | undefined): void {
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.focus();
}
