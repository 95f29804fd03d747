// Fakes of Electron's API at the shell's boundary (the only mocks in these tests): app, BrowserWindow,
// ipcMain, Notification, safeStorage, dialog. They record what the shell did with them.
import type { BrowserWindowLike, ElectronApi, IpcMainInvokeEventLike, PreventableEvent, WindowOptionsLike } from '../../src/electron/electron-api.js';

type Listener = (event: PreventableEvent) => void;

export function preventable(): PreventableEvent & { defaultPrevented: boolean } {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

export class FakeApp {
  readonly listeners = new Map<string, Listener[]>();
  exitCode: number | undefined;
  quitCalls = 0;
  constructor(
    readonly userData: string,
    readonly lockAvailable = true,
  ) {}
  requestSingleInstanceLock = (): boolean => this.lockAvailable;
  on = (event: string, listener: Listener): this => {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  };
  whenReady = (): Promise<void> => Promise.resolve();
  /** Like Electron: emits 'before-quit'; a listener may preventDefault to delay quitting. */
  quit = (): void => {
    this.quitCalls += 1;
    this.emit('before-quit');
  };
  exit = (code = 0): void => {
    this.exitCode = code;
  };
  getPath = (): string => this.userData;
  emit(event: string): PreventableEvent & { defaultPrevented: boolean } {
    const payload = preventable();
    for (const listener of this.listeners.get(event) ?? []) listener(payload);
    return payload;
  }
}

export class FakeWebContents {
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  readonly listeners = new Map<string, Listener[]>();
  windowOpenHandler: (() => { action: 'deny' }) | undefined;
  permissionHandler: ((webContents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
  readonly session = {
    setPermissionRequestHandler: (handler: FakeWebContents['permissionHandler']) => {
      this.permissionHandler = handler;
    },
  };
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  setWindowOpenHandler(handler: () => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }
  emit(event: string): PreventableEvent & { defaultPrevented: boolean } {
    const payload = preventable();
    for (const listener of this.listeners.get(event) ?? []) listener(payload);
    return payload;
  }
}

export class FakeBrowserWindow implements BrowserWindowLike {
  static instances: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  loadedFile: string | undefined;
  minimized = false;
  focusCalls = 0;
  restoreCalls = 0;
  constructor(readonly options: WindowOptionsLike) {
    FakeBrowserWindow.instances.push(this);
  }
  loadFile = async (file: string): Promise<void> => {
    this.loadedFile = file;
  };
  isDestroyed = (): boolean => false;
  isMinimized = (): boolean => this.minimized;
  restore = (): void => {
    this.restoreCalls += 1;
    this.minimized = false;
  };
  focus = (): void => {
    this.focusCalls += 1;
  };
}

export class FakeIpcMain {
  readonly handlers = new Map<string, (event: IpcMainInvokeEventLike, ...args: unknown[]) => unknown>();
  handle(channel: string, listener: (event: IpcMainInvokeEventLike, ...args: unknown[]) => unknown): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** What ipcRenderer.invoke would get, from a frame at `senderUrl`. */
  async invoke(senderUrl: string, channel: string, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler({ senderFrame: { url: senderUrl } }, ...args);
  }
}

export const shownNotifications: Array<{ title: string; body: string }> = [];

class FakeNotification {
  static isSupported(): boolean {
    return true;
  }
  constructor(readonly options: { title: string; body: string }) {}
  show(): void {
    shownNotifications.push(this.options);
  }
}

export const fakeSafeStorage = {
  isEncryptionAvailable: () => true,
  encryptString: (text: string) => Buffer.from(`v10${Buffer.from(text).toString('base64')}`),
  decryptString: (bytes: Buffer) => Buffer.from(bytes.toString('utf8').slice(3), 'base64').toString('utf8'),
};

export function fakeElectron(app: FakeApp, ipcMain = new FakeIpcMain()): ElectronApi & { ipcMain: FakeIpcMain } {
  return {
    app,
    BrowserWindow: FakeBrowserWindow,
    ipcMain,
    Notification: FakeNotification,
    safeStorage: fakeSafeStorage,
    dialog: { showErrorBox: () => undefined },
  };
}
