/**
 * The few parts of Electron's API the shell uses, narrowed so tests can inject fakes at this
 * boundary only. `main.ts` passes the real `electron` module, so Electron's own types
 * (node_modules/electron/electron.d.ts) check that these shapes match the real API.
 */
export interface PreventableEvent {
  preventDefault(): void;
}

export interface AppLike {
  requestSingleInstanceLock(): boolean;
  on(event: 'second-instance' | 'window-all-closed' | 'before-quit', listener: (event: PreventableEvent) => void): unknown;
  whenReady(): Promise<unknown>;
  quit(): void;
  exit(exitCode?: number): void;
  getPath(name: 'userData'): string;
}

export interface WebContentsLike {
  send(channel: string, ...args: unknown[]): void;
  on(event: 'will-navigate' | 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: () => { action: 'deny' }): void;
  session: {
    setPermissionRequestHandler(handler: ((webContents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null): void;
  };
}

export interface WindowOptionsLike {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  title: string;
  backgroundColor: string;
  show: boolean;
  webPreferences: {
    preload: string;
    contextIsolation: boolean;
    sandbox: boolean;
    nodeIntegration: boolean;
    nodeIntegrationInWorker: boolean;
    webSecurity: boolean;
    allowRunningInsecureContent: boolean;
    webviewTag: boolean;
    spellcheck: boolean;
  };
}

export interface BrowserWindowLike {
  readonly webContents: WebContentsLike;
  loadFile(filePath: string): Promise<void>;
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  focus(): void;
}

export interface IpcMainInvokeEventLike {
  readonly senderFrame: { readonly url: string } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

export interface NotificationLike {
  show(): void;
}

export interface ElectronApi {
  readonly app: AppLike;
  readonly BrowserWindow: new (options: WindowOptionsLike) => BrowserWindowLike;
  readonly ipcMain: IpcMainLike;
  readonly Notification: { isSupported(): boolean; new (options: { title: string; body: string }): NotificationLike };
  readonly safeStorage: { isEncryptionAvailable(): boolean; encryptString(plainText: string): Buffer; decryptString(encrypted: Buffer): string };
  readonly dialog: { showErrorBox(title: string, content: string): void };
}
