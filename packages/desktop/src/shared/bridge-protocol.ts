/**
 * Browser mode's HTTP bridge protocol, shared by the server (src/browser) and the renderer's client
 * (src/renderer/bridge-client.ts). Every request below except the static files is a POST that must
 * carry Sentinel's exact `Origin`; see the package README, "Browser mode protocol".
 */

/** The page secret, sent as this header on every bridge request (and the event stream). */
export const SESSION_HEADER = 'x-sentinel-session';

/** The printed login link is `<origin>/login#<one-time token>`; the page serves index.html. */
export const LOGIN_PATH = '/login';

/** POST `{ token }` → `{ secret }` plus the session cookie (one-time token from the link's fragment). */
export const SESSION_PATH = '/session';

/** POST with the page secret only → a new session cookie (after another page replaced or evicted it). */
export const RENEW_PATH = '/session/renew';

/** POST with page secret and cookie → `text/event-stream` of HostEvent (`data: <json>` frames). */
export const EVENTS_PATH = '/bridge/events';

/** POST `{ args: [...] }` to `/bridge/<name>` → `{ value }` or `{ error: BridgeErrorBody }`. */
export const CALL_PATH_PREFIX = '/bridge/';

/** Where the page keeps its secret: sessionStorage, so it lives as long as the tab and stays in this origin. */
export const SECRET_STORAGE_KEY = 'sentinel.session';
