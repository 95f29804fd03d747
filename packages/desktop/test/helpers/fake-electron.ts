// Fakes of Electron's API at the shell's boundary (the only mocks in these tests): app, BrowserWindow,
// ipcMain, Notification, safeStorage, dialog, protocol, shell, utilityProcess. They record what the
// shell did with them.
import { fakeUtilityProcess, type FakeUtilityProcessApi } from './fake-utility-process.js';
import type {
  BrowserWindowLike,
  ElectronApi,
  FrameLike,
  IpcMainInvokeEventLike,
  PreventableEvent,
  ProtocolLike,
  WebContentsLike,
  WindowOptionsLike,
} from '../../src/electron/electron-api.js';

// `never` arguments: any listener shape fits (each event passes its own arguments).
type Listener = (event: PreventableEvent, ...args: never[]) => void;

export function preventable(): PreventableEvent & { defaultPrevented: boolean } {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  /** Like Electron: listeners get a preventable event first, then the event's own arguments. */
  emit(event: string, ...args: unknown[]): PreventableEvent & { defaultPrevented: boolean } {
    const payload = preventable();
    for (const listener of this.listeners.get(event) ?? []) (listener as (event: PreventableEvent, ...rest: unknown[]) => void)(payload, ...args);
    return payload;
  }
}

export class FakeApp extends Emitter {
  exitCode: number | undefined;
  quitCalls = 0;
  /** Set by whenReady(), as Electron's 'ready' would (utilityProcess.fork throws before it). */
  ready = false;
  constructor(
    readonly userData: string,
    readonly lockAvailable = true,
  ) {
    super();
  }
  requestSingleInstanceLock = (): boolean => this.lockAvailable;
  whenReady = (): Promise<void> => {
    this.ready = true;
    return Promise.resolve();
  };
  /** Like Electron: emits 'before-quit'; a listener may preventDefault to delay quitting. */
  quit = (): void => {
    this.quitCalls += 1;
    this.emit('before-quit');
  };
  exit = (code = 0): void => {
    this.exitCode = code;
  };
  getPath = (): string => this.userData;
}

let nextId = 1;

/** A frame as Chromium would describe it; the origin is computed the way a standard scheme's is. */
export function fakeFrame(url: string, parent: FrameLike | null = null, ids = { processId: 7, routingId: nextId++ }): FrameLike {
  let origin = 'null';
  try {
    const parsed = new URL(url);
    origin = parsed.protocol === 'file:' ? 'file://' : `${parsed.protocol}//${parsed.host}`;
  } catch {
    // an unparsable URL keeps the opaque origin
  }
  return { url, origin, parent, ...ids };
}

export class FakeWebContents extends Emitter implements WebContentsLike {
  readonly id = nextId++;
  mainFrame: FrameLike = fakeFrame('about:blank');
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
  permissionHandler: ((webContents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
  permissionCheckHandler: ((webContents: unknown, permission: string) => boolean) | null = null;
  readonly session = {
    setPermissionRequestHandler: (handler: FakeWebContents['permissionHandler']) => void (this.permissionHandler = handler),
    setPermissionCheckHandler: (handler: FakeWebContents['permissionCheckHandler']) => void (this.permissionCheckHandler = handler),
  };
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }
}

export class FakeBrowserWindow implements BrowserWindowLike {
  static instances: FakeBrowserWindow[] = [];
  /** Set by fakeElectron: Electron emits app 'web-contents-created' while the window is constructed. */
  static onContentsCreated: ((contents: FakeWebContents) => void) | undefined;
  readonly webContents = new FakeWebContents();
  loadedUrl: string | undefined;
  minimized = false;
  focusCalls = 0;
  restoreCalls = 0;
  constructor(readonly options: WindowOptionsLike) {
    FakeBrowserWindow.instances.push(this);
    FakeBrowserWindow.onContentsCreated?.(this.webContents);
  }
  loadURL = async (url: string): Promise<void> => {
    this.loadedUrl = url;
    this.webContents.mainFrame = fakeFrame(url, null, { processId: this.webContents.mainFrame.processId, routingId: this.webContents.mainFrame.routingId });
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

/** An IPC event as Electron builds it for a call from `frame` of `contents` (default: the main frame). */
export function ipcEventFrom(contents: WebContentsLike, frame: FrameLike | null = contents.mainFrame): IpcMainInvokeEventLike {
  return { sender: contents, senderFrame: frame };
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
  /** What ipcRenderer.invoke would get, sent with the IPC event `from`. */
  async invoke(from: IpcMainInvokeEventLike, channel: string, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(from, ...args);
  }
}

export class FakeProtocol implements ProtocolLike {
  readonly privileged: Array<{ scheme: string; privileges: Record<string, boolean> }> = [];
  readonly handlers = new Map<string, (request: Request) => Response | Promise<Response>>();
  registerSchemesAsPrivileged(schemes: Array<{ scheme: string; privileges: { standard: boolean; secure: boolean; supportFetchAPI: boolean } }>): void {
    this.privileged.push(...schemes);
  }
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void {
    this.handlers.set(scheme, handler);
  }
  /** What Chromium would get for a request to `url` through the registered handler. */
  async fetch(url: string, init?: RequestInit): Promise<Response> {
    const handler = this.handlers.get(new URL(url).protocol.replace(/:$/, ''));
    if (!handler) throw new Error(`No protocol handler for ${url}`);
    return handler(new Request(url, init));
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

export type FakeElectron = ElectronApi & {
  ipcMain: FakeIpcMain;
  protocol: FakeProtocol;
  shell: { opened: string[]; openExternal(url: string): Promise<void> };
  utilityProcess: FakeUtilityProcessApi;
};

export function fakeElectron(app: FakeApp, ipcMain = new FakeIpcMain()): FakeElectron {
  FakeBrowserWindow.onContentsCreated = (contents) => app.emit('web-contents-created', contents);
  const opened: string[] = [];
  return {
    app,
    BrowserWindow: FakeBrowserWindow,
    ipcMain,
    Notification: FakeNotification,
    safeStorage: fakeSafeStorage,
    dialog: { showErrorBox: () => undefined },
    protocol: new FakeProtocol(),
    shell: { opened, openExternal: async (url: string) => void opened.push(url) },
    utilityProcess: fakeUtilityProcess(() => app.ready),
  };
}
