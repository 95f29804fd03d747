import { createAdapterHost, type AdapterHostOptions } from '../host/adapter-host.js';
import { dispatchBridgeCall } from '../host/dispatch.js';
import { DESKTOP_ERROR_CODES, toBridgeError } from '../host/errors.js';
import type { SentinelHost } from '../host/host.js';
import { safeStorageCodec } from '../host/secret-store.js';
import { notificationFor } from '../shared/notifications.js';
import { IPC_EVENT_CHANNEL, IPC_PREFIX, type ConnectionStatus } from '../shared/types.js';
import { WORKSPACE_BRIDGE_METHODS } from '../shared/workspace-bridge.js';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol.js';
import type { BrowserWindowLike, ElectronApi } from './electron-api.js';
import { isTrustedSender } from './ipc-sender.js';
import { denyAllPermissions, guardWebContents } from './web-contents-guard.js';
import { createUtilitySpawn } from './utility-spawn.js';
import { createMainWindow, focusWindow } from './window.js';

/** How long quitting waits for the backend to stop before exiting anyway. @default 8000 */
export const DEFAULT_QUIT_TIMEOUT_MS = 8_000;

/**
 * The backend always runs through a spawn (no `execPath`): by default Electron's utilityProcess, so
 * the app needs neither `ELECTRON_RUN_AS_NODE` nor the `runAsNode` fuse.
 */
export interface ElectronShellOptions extends Omit<AdapterHostOptions, 'restart' | 'execPath'> {
  /** Directory with the built renderer (index.html, app.js...), served as app://sentinel/. */
  readonly rendererDir: string;
  readonly preloadPath: string;
  /** Bound on the wait for the backend to stop when quitting. @default 8000 */
  readonly quitTimeoutMs?: number;
  /** Starts the backend process. @default createUtilitySpawn(electron.utilityProcess) */
  readonly spawn?: AdapterHostOptions['spawn'];
}

export interface ElectronShell {
  readonly host: SentinelHost;
  readonly window: BrowserWindowLike;
  /** Resolves when quitting finished (backend stopped or the bound hit) and app.exit was called. */
  readonly quitted: Promise<void>;
}

/**
 * The Electron main process: single-instance lock, the app://sentinel protocol, one secure window,
 * the IPC bridge, OS notifications, and a bounded quit that waits for the backend to stop. Returns
 * undefined when another instance already runs (that one gets focused).
 */
export async function startElectronShell(electron: ElectronApi, options: ElectronShellOptions): Promise<ElectronShell | undefined> {
  const { app } = electron;
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return undefined;
  }
  let window: BrowserWindowLike | undefined;
  app.on('second-instance', () => focusWindow(window));
  // Before 'ready', as Electron requires; then every web contents gets the navigation guard.
  electron.protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, electron.shell));
  await app.whenReady();
  electron.protocol.handle(APP_SCHEME, createAppProtocolHandler(options.rendererDir));

  const userData = app.getPath('userData');
  const spawn = options.spawn ?? createUtilitySpawn(electron.utilityProcess);
  const host = createAdapterHost('electron', userData, safeStorageCodec(electron.safeStorage), { ...options, spawn });

  window = createMainWindow(electron, { preload: options.preloadPath });
  const mainWindow = window;
  denyAllPermissions(mainWindow.webContents.session);
  for (const method of WORKSPACE_BRIDGE_METHODS) {
    electron.ipcMain.handle(IPC_PREFIX + method, async (event, ...args) => {
      if (!isTrustedSender(event, mainWindow.webContents)) return { error: { code: DESKTOP_ERROR_CODES.FORBIDDEN, message: 'Refused: the call did not come from Sentinel’s own page' } };
      try {
        return { value: (await dispatchBridgeCall(host.handlers, method, args)) ?? null };
      } catch (error) {
        return { error: toBridgeError(error) };
      }
    });
  }

  let previous: ConnectionStatus | undefined;
  host.onEvent((event) => {
    if (!mainWindow.isDestroyed()) mainWindow.webContents.send(IPC_EVENT_CHANNEL, event);
    if (event.type !== 'connection') return;
    const notice = notificationFor(previous, event.status);
    previous = event.status;
    if (notice && electron.Notification.isSupported()) new electron.Notification(notice).show();
  });

  let resolveQuitted!: () => void;
  const quitted = new Promise<void>((resolve) => (resolveQuitted = resolve));
  let quitting = false;
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', (event) => {
    event.preventDefault();
    if (quitting) return;
    quitting = true;
    void host.stop(options.quitTimeoutMs ?? DEFAULT_QUIT_TIMEOUT_MS).then(() => {
      for (const method of WORKSPACE_BRIDGE_METHODS) electron.ipcMain.removeHandler(IPC_PREFIX + method);
      app.exit(0);
      resolveQuitted();
    });
  });

  void host.start();
  return { host, window: mainWindow, quitted };
}
