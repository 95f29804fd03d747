import { APP_ORIGIN, isAppUrl } from './app-protocol.js';
import type { IpcMainInvokeEventLike, WebContentsLike } from './electron-api.js';

/**
 * Whether an IPC call comes from Sentinel itself: sent by our window's web contents, from its main
 * frame (not an iframe), whose origin is exactly app://sentinel. A prefix test on a URL would let
 * `…/renderer-evil/` or `…/renderer.html` through; this compares the origin and the frame.
 */
export function isTrustedSender(event: IpcMainInvokeEventLike, contents: WebContentsLike): boolean {
  const frame = event.senderFrame;
  if (!frame || event.sender.id !== contents.id) return false;
  const main = contents.mainFrame;
  if (frame.parent !== null || frame.processId !== main.processId || frame.routingId !== main.routingId) return false;
  return frame.origin === APP_ORIGIN && isAppUrl(frame.url);
}
