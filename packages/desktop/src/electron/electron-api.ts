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
  on(event: 'web-contents-created', listener: (event: PreventableEvent, contents: WebContentsLike) => void): unknown;
  whenReady(): Promise<unknown>;
  quit(): void;
  exit(exitCode?: number): void;
  getPath(name: 'userData'): string;
}

export interface SessionLike {
  setPermissionRequestHandler(handler: ((webContents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null): void;
  setPermissionCheckHandler(handler: ((webContents: unknown, permission: string) => boolean) | null): void;
}

/** A frame as IPC reports it (Electron's WebFrameMain). */
export interface FrameLike {
  readonly url: string;
  readonly origin: string;
  readonly parent: FrameLike | null;
  readonly processId: number;
  readonly routingId: number;
}

export interface WebContentsLike {
  readonly id: number;
  readonly mainFrame: FrameLike;
  readonly session: SessionLike;
  send(channel: string, ...args: unknown[]): void;
  on(event: 'will-navigate' | 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
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
  loadURL(url: string): Promise<void>;
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  focus(): void;
}

export interface IpcMainInvokeEventLike {
  readonly sender: { readonly id: number };
  readonly senderFrame: FrameLike | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

export interface NotificationLike {
  show(): void;
}

export interface ProtocolLike {
  registerSchemesAsPrivileged(schemes: Array<{ scheme: string; privileges: { standard: boolean; secure: boolean; supportFetchAPI: boolean } }>): void;
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void;
}

export interface ShellLike {
  openExternal(url: string): Promise<void>;
}

/** The options the backend spawn passes to `utilityProcess.fork` (a subset of Electron's ForkOptions). */
export interface UtilityForkOptionsLike {
  /** The complete environment (Electron then clears the inherited one). */
  env: Record<string, string>;
  cwd?: string;
  /** stdout and stderr piped; stdin is always ignored by Electron. */
  stdio: 'pipe';
  /** Shown in app.getAppMetrics() and the 'child-process-gone' event. */
  serviceName: string;
}

/**
 * Electron's UtilityProcess as Electron documents it: `pid` is set at 'spawn' and undefined again
 * after 'exit'; 'exit' carries a code only; `kill()` takes no signal (SIGTERM, then SIGKILL if the
 * process is still there 2 s later); stdout/stderr become null after 'exit'.
 */
export interface UtilityProcessLike {
  readonly pid: number | undefined;
  readonly stdout: NodeJS.ReadableStream | null;
  readonly stderr: NodeJS.ReadableStream | null;
  kill(): boolean;
  on(event: 'spawn', listener: () => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  on(event: 'error', listener: (type: 'FatalError', location: string, report: string) => void): unknown;
}

export interface UtilityProcessApi {
  fork(modulePath: string, args: string[], options: UtilityForkOptionsLike): UtilityProcessLike;
}

export interface ElectronApi {
  readonly app: AppLike;
  readonly BrowserWindow: new (options: WindowOptionsLike) => BrowserWindowLike;
  readonly ipcMain: IpcMainLike;
  readonly Notification: { isSupported(): boolean; new (options: { title: string; body: string }): NotificationLike };
  readonly safeStorage: { isEncryptionAvailable(): boolean; encryptString(plainText: string): Buffer; decryptString(encrypted: Buffer): string };
  readonly dialog: { showErrorBox(title: string, content: string): void };
  readonly protocol: ProtocolLike;
  readonly shell: ShellLike;
  /** Runs the backend (`createUtilitySpawn` in utility-spawn.ts). */
  readonly utilityProcess: UtilityProcessApi;
}
