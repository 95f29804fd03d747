import { isAppUrl } from './app-protocol.js';
import type { PreventableEvent, SessionLike, ShellLike, WebContentsLike } from './electron-api.js';

/** Only https links may leave the app, and only to the system browser. */
export function isExternalLinkAllowed(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * For every web contents the app creates (`web-contents-created`): no navigation or redirect away
 * from app://sentinel, no webviews, no new windows; an https link asked to open in a new window goes
 * to the system browser instead.
 */
export function guardWebContents(contents: WebContentsLike, shell: ShellLike): void {
  const stayHome = (event: PreventableEvent, url: string): void => {
    if (!isAppUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', stayHome);
  contents.on('will-redirect', stayHome);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalLinkAllowed(url)) void shell.openExternal(url).catch(() => undefined);
    return { action: 'deny' };
  });
}

/** Sentinel's renderer needs no web permission (OS notifications come from the main process): deny every request and check. */
export function denyAllPermissions(session: SessionLike): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
